package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Courier MTA: From "Courier mail server at host", Subject "NOTICE: mail delivery status." (or
 * "WARNING: delayed mail."), Message-ID "&lt;courier.…&gt;"; the text has an "UNDELIVERABLE MAIL"
 * banner above the recipients and the SMTP transcript, a standard report part follows. Its own
 * DNS verdicts are in reason-hints.tsv. Sisimai: Lhost::Courier.
 */
final class CourierDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("From", "courier mail server at")
            .withHeader("Message-ID", "<courier.")
            .withSubjects("notice: mail delivery status.", "warning: delayed mail.")
            .triedFirstFor("notice: mail delivery status.");

    CourierDecoder() {
        super("Courier", SIGNATURE, markers(List.of("undeliverable mail", "delays in delivering your message"), List.of()));
    }
}
