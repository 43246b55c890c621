package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reason hints from {@code parse/reason-hints.tsv}: phrases a mail server uses for its own
 * verdicts. Reason words are checked against {@link Reason} at load time so a typo fails fast.
 */
final class ReasonHints {
    private record Hint(String family, String phrase, String reason) {
    }

    private static final List<Hint> HINTS = load("parse/reason-hints.tsv");

    private ReasonHints() {
    }

    /** The reason the first matching phrase of {@code family} (or of "*") names, or null. */
    static String find(String family, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return findLower(family, text.toLowerCase(Locale.ROOT), text.length());
    }

    /** As {@link #find} over lower-case text, matching only phrases that start before {@code limit}. */
    static String findLower(String family, String lower, int limit) {
        for (Hint h : HINTS) {
            if (h.family.equals(family) || h.family.equals("*")) {
                int i = lower.indexOf(h.phrase);
                if (i >= 0 && i < limit) {
                    return h.reason;
                }
            }
        }
        return null;
    }

    private static List<Hint> load(String resource) {
        List<Hint> out = new ArrayList<>();
        for (TsvTable.Row row : TsvTable.read(resource, 3)) {
            out.add(new Hint(row.at(0), row.at(1).toLowerCase(Locale.ROOT), Reason.ofCode(row.columns()[2]).code()));
        }
        return List.copyOf(out);
    }
}
