package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bounce records of a delay warning into {@link RecordKind#DELAYED} records, keeping
 * everything the decoder read (status, reply code, diagnostic, hint), so the classifier still
 * names a reason. A record is a delay when its DSN says {@code Action: delayed} (RFC 3464 2.3.3),
 * or when the mail announces a warning ({@code parse/delay-markers.tsv}: Postfix's "Delayed Mail
 * (still being retried)", Exim's "Warning: message ... delayed", Exchange's "Delivery delayed",
 * Sendmail's "Warning: could not send message for past 4 hours") and the record itself shows no
 * final failure: no {@code Action: failed} in a delivery-status part, no permanent 5xx code. One report can mix both: a DSN
 * with one failed and one delayed recipient keeps its bounce.
 */
final class DelayNotices {
    private static final NoticeMarkers MARKERS = NoticeMarkers.load("parse/delay-markers.tsv");

    private DelayNotices() {
    }

    static List<DeliveryRecord> refine(Mail mail, List<DeliveryRecord> records) {
        List<DeliveryRecord> out = null;
        Boolean warning = null;
        // text decoders write "failed" for want of anything better: only a report's own field counts
        boolean reportedAction = !mail.partsOf("message/delivery-status", "message/global-delivery-status").isEmpty();
        for (int i = 0; i < records.size(); i++) {
            DeliveryRecord r = records.get(i);
            if (r.kind() != RecordKind.BOUNCE) {
                continue;
            }
            String action = r.action() == null ? "" : r.action().trim().toLowerCase(Locale.ROOT);
            boolean delayed;
            if (action.startsWith("delay")) {
                delayed = true;
            } else if (reportedAction && action.startsWith("fail") || isPermanent(r)) {
                delayed = false;
            } else {
                if (warning == null) {
                    warning = announcesDelay(mail);
                }
                delayed = warning;
            }
            if (delayed) {
                if (out == null) {
                    out = new ArrayList<>(records);
                }
                out.set(i, r.toBuilder().kind(RecordKind.DELAYED).build());
            }
        }
        return out == null ? records : List.copyOf(out);
    }

    /** The subject or the notification text (without the quoted original) says delivery is still being tried. */
    static boolean announcesDelay(Mail mail) {
        if (MARKERS.any("subject", mail.subjectLower())) {
            return true;
        }
        String text = mail.textLower();
        int end = Math.min(text.length(), mail.originalStartInText());
        return MARKERS.any("text", text.substring(0, end));
    }

    private static boolean isPermanent(DeliveryRecord r) {
        return startsWith5(r.status()) || startsWith5(r.replyCode());
    }

    private static boolean startsWith5(String code) {
        return code != null && !code.isBlank() && code.strip().charAt(0) == '5';
    }
}
