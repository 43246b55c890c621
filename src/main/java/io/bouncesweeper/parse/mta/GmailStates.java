package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.TsvTable;
import io.bouncesweeper.smtp.Status;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.parse.Text;

import java.util.HashMap;
import java.util.Map;

/** {@code parse/gmail-states.tsv}: what the "(state N)" at the end of Gmail's quoted answer says. */
final class GmailStates {
    private record State(String command, String reason) {
    }

    private static final String MARK = "(state ";
    private static final Map<String, State> STATES = load("parse/gmail-states.tsv");

    private GmailStates() {
    }

    /**
     * The record with the state's reason and command (when it names none), unless a specific status
     * says more (a status with a zero subject or detail, 5.0.0 or 5.7.0, is generic): then the
     * record is left to the classifier, which reads the status as it would without the state.
     */
    static DeliveryRecord refine(DeliveryRecord r) {
        String d = r.diagnostic();
        int at = d == null ? -1 : d.lastIndexOf(MARK);
        if (at < 0) {
            return r;
        }
        int end = d.indexOf(')', at);
        State s = end < 0 ? null : STATES.get(d.substring(at + MARK.length(), end).trim());
        if (s == null) {
            return r;
        }
        String status = Status.first(d);
        if (r.reasonHint() != null || status != null && !status.contains(".0")) {
            return r; // the remote server's specific status says more than the stage it answered in
        }
        DeliveryRecord.Builder b = r.toBuilder().reasonHint(s.reason);
        if (r.smtpCommand() == null) {
            b.smtpCommand(s.command);
        }
        return b.build();
    }

    private static Map<String, State> load(String resource) {
        Map<String, State> out = new HashMap<>();
        for (TsvTable.Row row : TsvTable.read(resource, 3)) {
            out.put(row.at(0), new State(row.at(1), Reason.ofCode(row.at(2)).code()));
        }
        return Map.copyOf(out);
    }
}
