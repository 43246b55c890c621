package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Reason;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code diagnostic-types.tsv}: the reason a non-SMTP Diagnostic-Code type stands for (x-unix: a
 * local mailer program failed) and which vaguer verdicts it replaces.
 */
final class DiagnosticTypeTable {
    static final String TABLE = "diagnostic-types.tsv";

    private record Row(Reason reason, Set<Reason> replaces) {
    }

    private final Map<String, Row> byType = new LinkedHashMap<>();

    DiagnosticTypeTable(java.util.List<String> texts) {
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 3)) {
            try {
                Set<Reason> replaces = EnumSet.noneOf(Reason.class);
                if (!"none".equalsIgnoreCase(row.cell(2))) {
                    for (String r : row.cell(2).split(",")) {
                        replaces.add(Reason.ofCode(r.trim()));
                    }
                }
                byType.putIfAbsent(row.cell(0).toLowerCase(Locale.ROOT), new Row(Reason.ofCode(row.cell(1)), replaces));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
    }

    /**
     * The type's verdict when it applies: {@code current} is null (no rule decided) or one of the
     * reasons the type replaces; otherwise null.
     */
    Verdict match(String type, Verdict current) {
        if (type == null) {
            return null;
        }
        Row row = byType.get(type.toLowerCase(Locale.ROOT));
        if (row == null || current != null && !row.replaces.contains(current.reason())) {
            return null;
        }
        return new Verdict(row.reason, null, "type:" + type.toLowerCase(Locale.ROOT));
    }
}
