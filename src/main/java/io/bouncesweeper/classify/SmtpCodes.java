package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.domain.DeliveryRecord;

/** The SMTP reply code of a record as the classifier reads it: the record's own, or the one opening its diagnostic. */
public final class SmtpCodes {
    private SmtpCodes() {
    }

    public static String replyCode(DeliveryRecord record) {
        if (record == null) {
            return null;
        }
        String own = record.replyCode() == null ? null : Reply.opening(record.replyCode().trim());
        return own != null ? own : Reply.opening(Squash.lowered(record.diagnostic()));
    }
}
