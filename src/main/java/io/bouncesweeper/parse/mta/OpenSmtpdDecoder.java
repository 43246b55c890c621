package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail." then "address: reason" lines. */
final class OpenSmtpdDecoder extends TextDecoder {
    OpenSmtpdDecoder() {
        super("OpenSMTPD", markers(List.of("an error has occurred while attempting to deliver a message",
                        "this is the mailer-daemon, please do not reply"),
                List.of("below is a copy of the original message")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return textContains(mail, "this is the mailer-daemon, please do not reply to this e-mail",
                "this is the mailer-daemon, please do not reply to this email");
    }
}
