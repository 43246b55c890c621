package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** Yahoo (and AOL on the same platform): "Sorry, we were unable to deliver your message to the following address." */
final class YahooDecoder extends TextDecoder {
    YahooDecoder() {
        super("Yahoo", markers(List.of("sorry, we were unable to deliver your message"),
                List.of("--- below this line is a copy of the message")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return textContains(mail, "sorry, we were unable to deliver your message");
    }
}
