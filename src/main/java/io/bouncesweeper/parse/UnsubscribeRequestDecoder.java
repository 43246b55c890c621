package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;

/**
 * A mail with the subject "unsubscribe": what mail clients (Apple Mail, Gmail) send to a
 * List-Unsubscribe mailto address (RFC 2369). Reported as an opt-out complaint from its sender.
 */
public final class UnsubscribeRequestDecoder implements Decoder {
    public static final String NAME = "ARF";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.subjectLower().strip().equals("unsubscribe");
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String from = mail.fromAddress();
        if (from == null) {
            return List.of();
        }
        return List.of(DeliveryRecord.builder(RecordKind.COMPLAINT)
                .recipient(from)
                .feedbackType("opt-out")
                .decoder(NAME)
                .build());
    }
}
