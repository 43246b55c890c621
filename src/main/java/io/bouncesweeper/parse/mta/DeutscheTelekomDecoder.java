package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Deutsche Telekom (t-online.de, magenta.de) and Smail 3, whose bounce format its servers keep:
 * banner lines "|---- Failed addresses follow: ----|", then " &lt;address&gt;" and the reply on the next
 * line (Smail: " address ... failed: reason"), then "|---- Message header follows: ----|" or
 * "Message text follows". Sisimai: Lhost::DeutscheTelekom.
 */
final class DeutscheTelekomDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("------------------------- failed addresses follow:",
            "------------------------- message log follows:");

    DeutscheTelekomDecoder() {
        super("DeutscheTelekom", SIGNATURE, markers(List.of("failed addresses follow:"),
                List.of("message header follows:", "message text follows:")));
    }
}
