package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * GMX (United Internet): header X-GMX-Antispam; Exim-like text ("This message was created
 * automatically by mail delivery software"), the address in quotes or angle brackets, "SMTP error
 * from remote server after RCPT command:", "host: …" and the reply, or "Reason:" and its own
 * verdict; the original's header follows "--- The header of the original message is following.
 * ---". Sisimai: Lhost::GMX.
 */
final class GmxDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("X-GMX-Antispam", "")
            .triedFirstFor("mail delivery failed: returning message to sender");

    GmxDecoder() {
        super("GMX", SIGNATURE, markers(List.of("this message was created automatically by mail delivery software"),
                List.of("--- the header of the original message is following. ---")));
    }
}
