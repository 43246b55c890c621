package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;

import java.util.List;

/** Gmail and Google Workspace notices ("Delivery Status Notification (Failure)") in their text-only and DSN forms. Sisimai: Lhost::Gmail, Lhost::GoogleWorkspace, Lhost::GoogleGroups. */
final class GmailDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.sent("@googlemail.com", "@google.com", "@gmail.com")
            .withHeader("X-Failed-Recipients", "").withSubjects("delivery status notification")
            .triedFirstFor("delivery status notification");

    GmailDecoder() {
        super("Gmail", SIGNATURE, markers(List.of("delivery to the following recipient", "your message wasn't delivered",
                        "** address not found **", "** message blocked **", "** message not delivered **",
                        "message not delivered"),
                List.of("----- original message -----", "----- message truncated -----")));
    }

    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord record) {
        return GmailStates.refine(record);
    }
}
