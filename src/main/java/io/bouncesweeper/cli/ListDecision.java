package io.bouncesweeper.cli;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.ReasonGroup;
import io.bouncesweeper.store.ReasonGroups;

/**
 * What one reading of a mail does to the mailing list, which is what a user pays for: the reason put
 * through {@code store/reason-groups.tsv} as the list policy does (a recipient-side reason with a 4xx
 * status only counts as soft). A delay warning is {@link #NONE}: it never counts against anybody.
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
        ReasonGroup group = groups.of(reason);
        if (group == ReasonGroup.RECIPIENT && status != null && status.startsWith("4")) {
            group = ReasonGroup.SOFT;
        }
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
        String status = c.status() == null && c.bounceClass() == BounceClass.SOFT ? "4" : c.status();
        return of(groups, c.reason(), status);
    }
}
