package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Mimecast's own delivery failure notice: Subject "[Postmaster] Email Delivery Failure",
 * Message-ID "…mimecast.lan&gt;"; the failed address on a line "-- address", the problem and the
 * remote reply on further "-- " lines. Sisimai: Lhost::Mimecast (the provider's reply codes are
 * the classifier's provider table).
 */
final class MimecastDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("Message-ID", ".mimecast.lan>")
            .withSubjects("email delivery failure")
            .triedFirstFor("email delivery failure");

    MimecastDecoder() {
        super("Mimecast", SIGNATURE, markers(List.of("could not be delivered"), List.of()));
    }
}
