package io.bouncesweeper.classify;

import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The reasons table ({@code reasons.tsv}): one profile per reason, row order giving phrase priority. */
final class ReasonProfiles {
    static final String TABLE = "reasons.tsv";

    private final Map<Reason, ReasonProfile> byReason = new EnumMap<>(Reason.class);

    ReasonProfiles(List<String> texts) {
        int rank = 0;
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 3)) {
            try {
                Reason reason = Reason.ofCode(row.cell(0));
                if (byReason.containsKey(reason)) {
                    continue; // an operator's row came first and overrides the built-in one
                }
                String status = row.cells().length > 3 ? row.cell(3) : "";
                String temporary = row.cells().length > 4 ? row.cell(4) : "";
                byReason.put(reason, new ReasonProfile(reason, ReasonProfile.Severity.ofCode(row.cell(1)),
                        OperatorAction.ofCode(row.cell(2)), status, rank++,
                        temporary.isEmpty() ? null : Reason.ofCode(temporary)));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        for (Reason reason : Reason.values()) {
            // a reason missing from the table still classifies: soft, retry, priority last
            byReason.computeIfAbsent(reason, r -> new ReasonProfile(r, ReasonProfile.Severity.SOFT,
                    OperatorAction.RETRY, "X.0.0", Integer.MAX_VALUE, null));
        }
    }

    ReasonProfile of(Reason reason) {
        return byReason.get(reason);
    }
}
