package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;

/**
 * Turns the records of a postmaster copy ({@code parse/copy-markers.tsv}: Postfix's "Postmaster
 * Copy: Undelivered Mail", Sendmail's "Postmaster notify") into {@link RecordKind#COPY} records,
 * everything the decoder read kept. Where postmaster mail reaches the bounce mailbox, the sender's
 * own report of the same failure arrives too, and only that one may count.
 */
final class PostmasterCopies {
    private static final NoticeMarkers MARKERS = NoticeMarkers.load("parse/copy-markers.tsv");

    private PostmasterCopies() {
    }

    static List<DeliveryRecord> refine(Mail mail, List<DeliveryRecord> records) {
        if (records.isEmpty() || !MARKERS.any("subject", mail.subjectLower())) {
            return records;
        }
        return records.stream()
                .map(r -> r.kind() == RecordKind.BOUNCE || r.kind() == RecordKind.DELAYED
                        ? r.toBuilder().kind(RecordKind.COPY).build() : r)
                .toList();
    }
}
