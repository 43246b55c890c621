package io.bouncesweeper.smtp;

/**
 * White space as servers fold their replies (CRLF, continuation lines, tabs): collapsed, so a
 * phrase matches however the server wrapped it.
 */
public final class Squash {
    private Squash() {
    }

    /** Runs of space, tab, CR and LF collapsed to one space, trimmed; {@code s} itself when already so. */
    public static String of(String s) {
        if (s == null || isSquashed(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSquashSpace(c)) {
                space = b.length() > 0;
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The diagnostic as the classifier's rules see it: lower case, every run of control characters,
     * blanks and no-break spaces collapsed to one space, trimmed; "" for null.
     */
    public static String lowered(String text) {
        if (text == null) {
            return "";
        }
        // a plain array, not a StringBuilder: this runs over every diagnostic, char by char
        char[] out = new char[text.length()];
        int len = 0;
        boolean space = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '\u00a0') {
                space = len > 0;
                continue;
            }
            if (space) {
                out[len++] = ' ';
                space = false;
            }
            out[len++] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return new String(out, 0, len);
    }

    /**
     * Whether {@code of(s).contains(phrase)}, without building the squashed string: each single
     * space of {@code phrase} matches a run of white space in {@code s}. The phrase must be
     * non-empty, start and end with a non-space and hold no double spaces.
     */
    public static boolean contains(String s, String phrase) {
        int sp = phrase.indexOf(' ');
        String head = sp < 0 ? phrase : phrase.substring(0, sp);
        for (int i = s.indexOf(head); i >= 0; i = s.indexOf(head, i + 1)) {
            if (matchesAt(s, i + head.length(), phrase, head.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(String s, int at, String phrase, int from) {
        int k = at;
        for (int j = from; j < phrase.length(); j++) {
            char p = phrase.charAt(j);
            if (p == ' ') {
                if (k >= s.length() || !isSquashSpace(s.charAt(k))) {
                    return false;
                }
                while (k < s.length() && isSquashSpace(s.charAt(k))) k++;
            } else {
                if (k >= s.length() || s.charAt(k) != p) {
                    return false;
                }
                k++;
            }
        }
        return true;
    }

    /** Already what {@link #of} makes: no tab or line break, no leading, trailing or double space. */
    private static boolean isSquashed(String s) {
        int n = s.length();
        if (n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == ' ' && s.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSquashSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
