package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * MailFoundry (now Barracuda): Subject "Message delivery has failed", a Received header
 * "(MAILFOUNDRY) id"; "Unable to deliver message to: &lt;address&gt;" then "Delivery failed for the
 * following reason:" and the remote server's reply. Sisimai: Lhost::MailFoundry.
 */
final class MailFoundryDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("Received", "(mailfoundry) id")
            .triedFirstFor("message delivery has failed");

    MailFoundryDecoder() {
        super("MailFoundry", SIGNATURE, markers(List.of("unable to deliver message to:"), List.of()));
    }
}
