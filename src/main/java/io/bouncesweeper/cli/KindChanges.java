package io.bouncesweeper.cli;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many corpus rows changed kind because delays, challenges and receipts are notices of their
 * own: rows the manifest labels as a bounce (a failure reason) whose paired record is now a notice.
 * Sisimai counts a delay warning as a bounce; here it never counts against the recipient, so these
 * rows are the visible difference. Also counts every notice record the corpus yields.
 */
final class KindChanges {
    private static final List<String> NOT_FAILURES = List.of("notbounce", "feedback", "vacation", "delivered");

    private int expectedBounces;
    private final Map<String, Integer> changed = new TreeMap<>();
    private final Map<String, Integer> noticeRecords = new TreeMap<>();

    /** One labeled row and the record it was paired with (null when none). */
    void row(Manifest.Row row, DeliveryRecord paired) {
        if (NOT_FAILURES.contains(row.reason())) {
            return;
        }
        expectedBounces++;
        if (paired != null && paired.kind().isNotice()) {
            changed.merge(paired.kind().code(), 1, Integer::sum);
        }
    }

    /** Every record of one corpus file. */
    void records(List<DeliveryRecord> records) {
        for (DeliveryRecord r : records) {
            if (r.kind().isNotice()) {
                noticeRecords.merge(r.kind().code(), 1, Integer::sum);
            }
        }
    }

    int changedRows() {
        return changed.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> changedByKind() {
        return changed;
    }

    Map<String, Integer> noticeRecords() {
        return noticeRecords;
    }

    int expectedBounces() {
        return expectedBounces;
    }

    /** "11 of 418 rows labeled bounce are now notices {delayed=11}; notice records: {delayed=12}" */
    String line() {
        return String.format(Locale.ROOT, "%d of %d bounce rows are now %s %s; notice records %s", changedRows(),
                expectedBounces, String.join("/", List.of(RecordKind.DELAYED.code(), RecordKind.CHALLENGE.code(),
                        RecordKind.RECEIPT.code(), RecordKind.COPY.code())), changed, noticeRecords);
    }
}
