package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * qmail-send: "Hi. This is the qmail-send program at ...", addresses as "&lt;a@b&gt;:" lines, status as
 * "(#5.1.1)"; its own Received line says "invoked for bounce". Sisimai: Lhost::qmail.
 */
final class QmailDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("this is the qmail-send program at", "i'm afraid i wasn't able to deliver")
            .withHeader("Received", "invoked for bounce")
            .triedFirstFor("failure notice");

    QmailDecoder() {
        super("qmail", SIGNATURE, markers(List.of("i'm afraid i wasn't able to deliver", "this is the qmail-send program at",
                        "unable to deliver your message to the following address"),
                List.of("--- below this line is a copy of the message", "--- enclosed are the original headers")));
    }
}
