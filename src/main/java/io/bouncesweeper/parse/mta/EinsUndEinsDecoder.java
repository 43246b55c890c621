package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * 1&amp;1 IONOS (United Internet, like GMX, whose signature header it lacks): "Mail Delivery System",
 * Subject "Mail delivery failed: returning message to sender"; "The following address failed:",
 * the address alone, "For the following reason:" and the verdict (its own in reason-hints.tsv), or
 * "SMTP error from remote server for TEXT command, host: … reason: …"; the original's header
 * follows "--- The header of the original message is following. ---". Sisimai:
 * Lhost::EinsUndEins.
 */
final class EinsUndEinsDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("--- the header of the original message is following. ---")
            .triedFirstFor("mail delivery failed: returning message to sender");

    EinsUndEinsDecoder() {
        super("EinsUndEins", SIGNATURE, markers(List.of("the following address failed", "this message was created automatically"),
                List.of("--- the header of the original message is following. ---")));
    }
}
