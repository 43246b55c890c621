package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-reason phrase lists ({@code phrases.tsv}) and the rule that picks one reason when the
 * text holds phrases of several: a strong phrase beats a weak one (marked {@code ~}), then the
 * reason ranked first in {@code reasons.tsv} wins, then the phrase listed first. Phrases match
 * whole words only. A phrase may open with {@value #DOMAIN}: it then counts only where the word
 * before it is a domain name ("553 example.com does not exist" names a missing domain, where
 * "550 user does not exist" names a missing mailbox).
 */
final class PhraseTable {
    static final String TABLE = "phrases.tsv";
    static final String DOMAIN = "{domain}";

    private record Phrase(Reason reason, String text, boolean weak, boolean afterDomain, int rank, int row) {
        String shown() {
            return afterDomain ? DOMAIN + " " + text : text;
        }
    }

    private final PhraseMatcher<List<Phrase>> matcher;

    PhraseTable(List<String> texts, ReasonProfiles profiles) {
        Map<String, Phrase> phrases = new LinkedHashMap<>();
        int rowNumber = 0;
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 2)) {
            try {
                Reason reason = Reason.ofCode(row.cell(0));
                String text = row.cell(1);
                boolean weak = text.startsWith("~");
                String normalised = Squash.lowered(weak ? text.substring(1) : text);
                boolean afterDomain = normalised.startsWith(DOMAIN + " ");
                String words = afterDomain ? normalised.substring(DOMAIN.length() + 1) : normalised;
                if (words.isEmpty() || words.contains("{")) {
                    throw row.error(words.isEmpty() ? "empty phrase" : "only " + DOMAIN + " at the start of a phrase is known");
                }
                // the first layer to list a phrase (the operator's) decides its reason
                phrases.putIfAbsent(normalised,
                        new Phrase(reason, words, weak, afterDomain, profiles.of(reason).priority(), rowNumber++));
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(TABLE) ? e : row.error(e.getMessage());
            }
        }
        Map<String, List<Phrase>> byWords = new LinkedHashMap<>();
        for (Phrase p : phrases.values()) {
            byWords.computeIfAbsent(p.text(), w -> new ArrayList<>(1)).add(p);
        }
        matcher = new PhraseMatcher<>(byWords);
    }

    /** @param normalisedText the diagnostic after {@link DiagnosticText#normalise} */
    Verdict match(String normalisedText) {
        Phrase[] best = new Phrase[1];
        matcher.scan(normalisedText, (found, end) -> {
            for (Phrase p : found) {
                int start = end - p.text().length();
                if ((best[0] == null || better(p, best[0])) && standsAlone(normalisedText, start, end)
                        && (!p.afterDomain() || domainBefore(normalisedText, start))) {
                    best[0] = p;
                }
            }
        });
        Phrase p = best[0];
        return p == null ? null : new Verdict(p.reason(), null, "phrase:" + p.reason().code() + ":\"" + p.shown() + "\"", p.weak());
    }

    /** Whether the word ending just before {@code start} (after one space) is a domain name: labels, dots, a letter TLD, no local part. */
    static boolean domainBefore(String text, int start) {
        int end = start - 1;
        if (end < 1 || text.charAt(end) != ' ') {
            return false;
        }
        int i = end;
        while (i > 0 && isDomainChar(text.charAt(i - 1))) {
            i--;
        }
        if (i > 0 && (text.charAt(i - 1) == '@' || Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return false; // the end of an address, or not a word of its own
        }
        String word = text.substring(i, end);
        while (word.endsWith(".")) {
            word = word.substring(0, word.length() - 1);
        }
        int dot = word.lastIndexOf('.');
        if (dot <= 0 || word.startsWith(".") || word.contains("..")) {
            return false;
        }
        String tld = word.substring(dot + 1);
        if (tld.length() < 2) {
            return false;
        }
        for (int k = 0; k < tld.length(); k++) {
            if (tld.charAt(k) < 'a' || tld.charAt(k) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
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
