package io.bouncesweeper.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A marker table of the notice detectors ({@code parse/*-markers.tsv}): one row per marker,
 * {@code where<TAB>phrase}, lower case, '#' starts a comment. {@code where} names what is searched
 * (subject, text, header, from-domain ...). A '*' in a phrase matches any run of characters, so
 * "warning: message * delayed" matches Exim's subject with the queue id in the middle.
 */
final class NoticeMarkers {
    private final Map<String, List<String>> byWhere;

    private NoticeMarkers(Map<String, List<String>> byWhere) {
        this.byWhere = byWhere;
    }

    static NoticeMarkers load(String resource) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : PhraseList.load(resource)) {
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalStateException(resource + ": expected 'where<TAB>phrase', found '" + line + "'");
            }
            m.computeIfAbsent(line.substring(0, tab).strip(), k -> new ArrayList<>()).add(line.substring(tab + 1).strip());
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        return new NoticeMarkers(Collections.unmodifiableMap(m));
    }

    List<String> get(String where) {
        return byWhere.getOrDefault(where, List.of());
    }

    /** True when {@code lowerText} contains any marker of {@code where}. */
    boolean any(String where, String lowerText) {
        return first(where, lowerText) != null;
    }

    /** The first marker of {@code where} found in {@code lowerText}, or null. */
    String first(String where, String lowerText) {
        if (lowerText == null || lowerText.isEmpty()) {
            return null;
        }
        for (String p : get(where)) {
            if (matches(lowerText, p)) {
                return p;
            }
        }
        return null;
    }

    /** True when {@code lowerText} starts with a marker of {@code where}, after any "[" or blanks. */
    boolean startsWithAny(String where, String lowerText) {
        if (lowerText == null) {
            return false;
        }
        String s = lowerText.strip();
        s = s.startsWith("[") ? s.substring(1).stripLeading() : s;
        for (String p : get(where)) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String lowerText, String phrase) {
        if (phrase.indexOf('*') < 0) {
            return lowerText.contains(phrase);
        }
        int at = 0;
        for (String piece : phrase.split("\\*")) {
            if (piece.isEmpty()) {
                continue;
            }
            int i = lowerText.indexOf(piece, at);
            if (i < 0) {
                return false;
            }
            at = i + piece.length();
        }
        return true;
    }
}
