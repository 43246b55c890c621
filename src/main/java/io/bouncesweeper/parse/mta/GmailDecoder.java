package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;

import java.util.List;

/** Gmail and Google Workspace notices ("Delivery Status Notification (Failure)") in their text-only and DSN forms. */
final class GmailDecoder extends TextDecoder {
    GmailDecoder() {
        super("Gmail", markers(List.of("delivery to the following recipient", "your message wasn't delivered",
                        "** address not found **", "** message blocked **", "** message not delivered **",
                        "message not delivered"),
                List.of("----- original message -----", "----- message truncated -----")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return fromContains(mail, "@googlemail.com", "@google.com", "@gmail.com")
                && (mail.headers().has("X-Failed-Recipients") || subjectContains(mail, "delivery status notification"));
    }

    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord record) {
        return GmailStates.refine(record);
    }
}
