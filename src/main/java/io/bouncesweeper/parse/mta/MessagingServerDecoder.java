package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Oracle (formerly Sun Java System) Messaging Server: MIME boundaries "Boundary_(ID_…)", Subject
 * "Delivery Notification: …"; the text quotes the original's header fields, then per recipient
 * "Recipient address:", "Reason:", "Diagnostic code:" and "Remote system:" lines. Sisimai:
 * Lhost::MessagingServer.
 */
final class MessagingServerDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("Content-Type", "boundary_(id_")
            .withSubjects("delivery notification: ")
            .triedFirstFor("delivery notification:");

    MessagingServerDecoder() {
        super("MessagingServer", SIGNATURE, markers(List.of("your message cannot be delivered to the following recipients",
                "this report relates to a message you sent"), List.of()));
    }
}
