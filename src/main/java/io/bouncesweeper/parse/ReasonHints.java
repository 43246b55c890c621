package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.LowerCase;
import io.bouncesweeper.domain.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reason hints from {@code parse/reason-hints.tsv}: phrases a mail server uses for its own
 * verdicts. Reason words are checked against {@link Reason} at load time so a typo fails fast.
 */
public final class ReasonHints {
    private record Hint(String family, String phrase, String reason) {
    }

    private static final List<Hint> HINTS = load("parse/reason-hints.tsv");
    /** Per family, its own hints and the "*" ones in table order: a lookup walks only those. */
    private static final Map<String, List<Hint>> BY_FAMILY = byFamily(HINTS);
    private static final List<Hint> ANY_FAMILY = forFamily(HINTS, "*");

    private ReasonHints() {
    }

    /** The reason the first matching phrase of {@code family} (or of "*") names, or null. */
    public static String find(String family, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return findLower(family, LowerCase.of(text), text.length());
    }

    /** As {@link #find} over lower-case text, matching only whole-word phrases that start before {@code limit}. */
    public static String findLower(String family, String lower, int limit) {
        List<Hint> hints = family == null ? ANY_FAMILY : BY_FAMILY.getOrDefault(family, ANY_FAMILY);
        for (Hint h : hints) {
            if (findWords(lower, h.phrase, limit)) {
                return h.reason;
            }
        }
        return null;
    }

    private static Map<String, List<Hint>> byFamily(List<Hint> hints) {
        Map<String, List<Hint>> out = new HashMap<>();
        for (Hint h : hints) {
            out.computeIfAbsent(h.family, f -> forFamily(hints, f));
        }
        return Map.copyOf(out);
    }

    private static List<Hint> forFamily(List<Hint> hints, String family) {
        List<Hint> out = new ArrayList<>();
        for (Hint h : hints) {
            if (h.family.equals(family) || h.family.equals("*")) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }

    /** "542" as a reply code, not inside a queue id; "user unknown" not inside "superuser unknowns". */
    private static boolean findWords(String text, String phrase, int limit) {
        for (int i = text.indexOf(phrase); i >= 0 && i < limit; i = text.indexOf(phrase, i + 1)) {
            int end = i + phrase.length();
            boolean open = i == 0 || !Character.isLetterOrDigit(phrase.charAt(0)) || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean close = end == text.length() || !Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1))
                    || !Character.isLetterOrDigit(text.charAt(end));
            if (open && close) {
                return true;
            }
        }
        return false;
    }

    private static List<Hint> load(String resource) {
        List<Hint> out = new ArrayList<>();
        for (TsvTable.Row row : TsvTable.read(resource, 4)) {
            out.add(new Hint(row.at(0), row.at(1).toLowerCase(Locale.ROOT), Reason.ofCode(row.columns()[2]).code()));
        }
        return List.copyOf(out);
    }
}
