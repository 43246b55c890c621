package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/** Yahoo (and AOL on the same platform): "Sorry, we were unable to deliver your message to the following address." Sisimai: Lhost::Yahoo, Lhost::Aol. */
final class YahooDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("sorry, we were unable to deliver your message")
            .triedFirstFor("failure notice");

    YahooDecoder() {
        super("Yahoo", SIGNATURE, markers(SIGNATURE.text(), List.of("--- below this line is a copy of the message")));
    }
}
