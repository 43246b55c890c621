package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/** OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail." then "address: reason" lines. Sisimai: Lhost::OpenSMTPD. */
final class OpenSmtpdDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("this is the mailer-daemon, please do not reply to this e-mail",
                    "this is the mailer-daemon, please do not reply to this email")
            .triedFirstFor("delivery status notification: error");

    OpenSmtpdDecoder() {
        super("OpenSMTPD", SIGNATURE, markers(List.of("an error has occurred while attempting to deliver a message",
                        "this is the mailer-daemon, please do not reply"),
                List.of("below is a copy of the original message")));
    }
}
