package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-reason phrase lists ({@code phrases.tsv}) and the rule that picks one reason when the
 * text holds phrases of several: a strong phrase beats a weak one (marked {@code ~}), then the
 * reason ranked first in {@code reasons.tsv} wins, then the phrase listed first. Phrases match
 * whole words only.
 */
final class PhraseTable {
    static final String TABLE = "phrases.tsv";

    private record Phrase(Reason reason, String text, boolean weak, int rank, int row) {
    }

    private final PhraseMatcher<Phrase> matcher;

    PhraseTable(List<String> texts, ReasonProfiles profiles) {
        Map<String, Phrase> phrases = new LinkedHashMap<>();
        int rowNumber = 0;
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 2)) {
            try {
                Reason reason = Reason.ofCode(row.cell(0));
                String text = row.cell(1);
                boolean weak = text.startsWith("~");
                String normalised = DiagnosticText.normalise(weak ? text.substring(1) : text);
                if (normalised.isEmpty()) {
                    throw row.error("empty phrase");
                }
                // the first layer to list a phrase (the operator's) decides its reason
                phrases.putIfAbsent(normalised,
                        new Phrase(reason, normalised, weak, profiles.of(reason).priority(), rowNumber++));
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(TABLE) ? e : row.error(e.getMessage());
            }
        }
        matcher = new PhraseMatcher<>(phrases);
    }

    /** @param normalisedText the diagnostic after {@link DiagnosticText#normalise} */
    Verdict match(String normalisedText) {
        Phrase[] best = new Phrase[1];
        matcher.scan(normalisedText, (p, end) -> {
            if ((best[0] == null || better(p, best[0])) && standsAlone(normalisedText, end - p.text().length(), end)) {
                best[0] = p;
            }
        });
        Phrase p = best[0];
        return p == null ? null : new Verdict(p.reason(), null, "phrase:" + p.reason().code() + ":\"" + p.text() + "\"", p.weak());
    }

    /** A phrase is words: "locked" inside "blocked" or "spam" inside "spamhaus" is no match. */
    private static boolean standsAlone(String text, int start, int end) {
        boolean openEdge = start == 0 || !Character.isLetterOrDigit(text.charAt(start))
                || !Character.isLetterOrDigit(text.charAt(start - 1));
        boolean closeEdge = end == text.length() || !Character.isLetterOrDigit(text.charAt(end - 1))
                || !Character.isLetterOrDigit(text.charAt(end));
        return openEdge && closeEdge;
    }

    private static boolean better(Phrase a, Phrase b) {
        if (a.weak() != b.weak()) {
            return !a.weak();
        }
        if (a.rank() != b.rank()) {
            return a.rank() < b.rank();
        }
        return a.row() < b.row();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
