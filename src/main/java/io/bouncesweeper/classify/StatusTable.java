package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Reason;

import io.bouncesweeper.domain.OperatorAction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status table ({@code status-codes.tsv}): enhanced status and reply code to reason and action.
 * Lookups go from the most specific key to the least: reply+status, status, reply+X.s.d, X.s.d,
 * and {@link #byReplyCode} for mail that carries only a reply code.
 */
final class StatusTable {
    static final String TABLE = "status-codes.tsv";
    private static final String ANY = "*";

    private final Map<String, Verdict> rows = new HashMap<>();

    StatusTable(List<String> texts) {
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 4)) {
            try {
                String reply = row.cell(0);
                String status = row.cell(1);
                String rule = ANY.equals(status) ? "reply:" + reply
                        : "status:" + (ANY.equals(reply) ? "" : reply + " ") + status;
                rows.putIfAbsent(key(reply, status),
                        new Verdict(Reason.ofCode(row.cell(2)), Verdict.actionOrDefault(row.cell(3)), rule));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
    }

    /** @param status a syntactically valid enhanced status; reply may be null */
    Verdict byStatus(String reply, String status) {
        String wildcard = "X" + status.substring(1);
        Verdict v = null;
        if (reply != null) {
            v = rows.get(key(reply, status));
        }
        if (v == null) {
            v = rows.get(key(ANY, status));
        }
        if (v == null && reply != null) {
            v = rows.get(key(reply, wildcard));
        }
        if (v == null) {
            v = rows.get(key(ANY, wildcard));
        }
        if (v != null && v.rule().contains("X.")) {
            // name the code the mail carried, not the table's wildcard
            v = new Verdict(v.reason(), v.action(), "status:" + status);
        }
        return v;
    }

    /**
     * The operator action a row names for exactly this reply code and status (the seed pairs an
     * operator knows by heart: 421 4.7.0 → wait and retry, 553 5.1.3 → fix the address ...), or null.
     */
    OperatorAction actionForPair(String reply, String status) {
        if (reply == null || status == null) {
            return null;
        }
        Verdict v = rows.get(key(reply, status));
        return v == null ? null : v.action();
    }

    Verdict byReplyCode(String reply) {
        return reply == null ? null : rows.get(key(reply, ANY));
    }

    private static String key(String reply, String status) {
        return reply + ' ' + status;
    }
}
