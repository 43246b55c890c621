package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import java.util.List;

/** The per-recipient field groups of a mail's first non-empty delivery-status part. */
final class ReportGroups {
    private ReportGroups() {
    }

    static List<Headers> of(Mail mail) {
        for (MimePart part : mail.partsOf("message/delivery-status", "message/global-delivery-status")) {
            List<Headers> groups = DeliveryStatus.parse(part).perRecipient();
            if (!groups.isEmpty()) {
                return groups;
            }
        }
        return List.of();
    }
}
