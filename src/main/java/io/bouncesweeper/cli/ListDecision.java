package io.bouncesweeper.cli;

import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.ReasonGroup;
import io.bouncesweeper.store.ReasonGroups;

/**
 * What one reading of a mail does to the mailing list, which is what a user pays for: the list
 * policy's own decision ({@link ReasonGroups#decide}: a recipient-side reason with a 4xx status only
 * counts as soft). A delay warning is {@link #NONE}: it never counts against anybody.
 */
enum ListDecision {
    SUPPRESS("suppress now"),
    SOFT("counts soft"),
    SENDER("sender's problem"),
    NONE("none");

    final String label;

    ListDecision(String label) {
        this.label = label;
    }

    static ListDecision of(ReasonGroups groups, Reason reason, String status) {
        return of(groups.decide(reason, status, null));
    }

    private static ListDecision of(ReasonGroup group) {
        return switch (group) {
            case RECIPIENT -> SUPPRESS;
            case SOFT -> SOFT;
            case SENDER -> SENDER;
            case NONE -> NONE;
        };
    }

    /** The parser's and classifier's reading; no record changes nothing. */
    static ListDecision ofRecord(ReasonGroups groups, DeliveryRecord r, Classification c) {
        if (r == null || c == null || r.kind() == RecordKind.DELAYED) {
            return NONE;
        }
        if (r.kind() != RecordKind.BOUNCE && r.kind() != RecordKind.COPY) {
            return NONE; // complaints, auto-replies, receipts: not failures, they never count as bounces
        }
        return of(groups.decide(c.reason(), c.status(), c.bounceClass()));
    }
}
