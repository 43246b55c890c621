package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** qmail-send: "Hi. This is the qmail-send program at ...", addresses as "&lt;a@b&gt;:" lines, status as "(#5.1.1)". */
final class QmailDecoder extends TextDecoder {
    QmailDecoder() {
        super("qmail", markers(List.of("i'm afraid i wasn't able to deliver", "this is the qmail-send program at",
                        "unable to deliver your message to the following address"),
                List.of("--- below this line is a copy of the message", "--- enclosed are the original headers")));
    }

    @Override
    public boolean recognises(Mail mail) {
        if (textContains(mail, "this is the qmail-send program at", "i'm afraid i wasn't able to deliver")) {
            return true;
        }
        String received = mail.header("Received");
        return received != null && received.contains("invoked for bounce");
    }
}
