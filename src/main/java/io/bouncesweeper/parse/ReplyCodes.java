package io.bouncesweeper.parse;

/**
 * Finds SMTP reply codes and enhanced status codes in free text. A code followed by a status
 * ("550 5.1.1", "550-5.7.1", "550-'5.7.1") is a strong pair; a bare code counts only where a
 * server reply starts (line start, after "said:", after "]: ").
 */
public final class ReplyCodes {
    /** A reply code and the status written right after it (status may be null). */
    public record Pair(String replyCode, String status, int at) {
    }

    private ReplyCodes() {
    }

    /** The last strong pair in {@code s} (later pairs are the remote server's own words), or null. */
    public static Pair lastPair(String s) {
        return lastPair(s, false);
    }

    /**
     * As {@link #lastPair(String)}, ignoring 2xx/3xx pairs: a session transcript in a failure
     * report also quotes "250 2.1.5 Ok" and "221 2.0.0 Bye", which explain nothing.
     */
    public static Pair lastFailurePair(String s) {
        return lastPair(s, true);
    }

    /** Whether {@code s} holds any reply code with its status ({@code lastPair(s) != null}), stopping at the first. */
    public static boolean hasPair(String s) {
        return lastPair(s, false, true) != null;
    }

    private static Pair lastPair(String s, boolean failuresOnly) {
        return lastPair(s, failuresOnly, false);
    }

    private static Pair lastPair(String s, boolean failuresOnly, boolean firstWillDo) {
        Pair last = null;
        int n = s.length();
        for (int i = 0; i + 3 <= n; i++) {
            char c = s.charAt(i);
            if ((c != '2' && c != '4' && c != '5') || (i > 0 && isWordOrDot(s.charAt(i - 1)))) {
                continue;
            }
            String code = Text.replyCodeAt(s, i);
            if (code == null || failuresOnly && code.charAt(0) < '4') {
                continue;
            }
            int j = i + 3;
            while (j < n && j < i + 6 && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '\'' || s.charAt(j) == '"')) j++;
            String st = statusAt(s, j);
            if (st != null && st.charAt(0) == code.charAt(0)) {
                last = new Pair(code, st, i);
                if (firstWillDo) {
                    return last;
                }
                i = j + st.length() - 1;
            }
        }
        return last;
    }

    /** The last 4xx/5xx reply code where a server reply starts, or null. */
    public static String lastFailureReplyCode(String s) {
        String last = null;
        for (int i = replyCodeIndex(s, 0, true); i >= 0; i = replyCodeIndex(s, i + 3, true)) {
            last = s.substring(i, i + 3);
        }
        return last;
    }

    /** The first reply code where a server reply starts, or null. */
    public static String firstReplyCode(String s) {
        int i = replyCodeIndex(s, 0, false);
        return i < 0 ? null : s.substring(i, i + 3);
    }

    /** The first 4xx/5xx reply code where a server reply starts, or null. */
    public static String firstFailureReplyCode(String s) {
        int i = replyCodeIndex(s, 0, true);
        return i < 0 ? null : s.substring(i, i + 3);
    }

    private static int replyCodeIndex(String s, int from, boolean failuresOnly) {
        int n = s.length();
        for (int i = from; i + 3 <= n; i++) {
            char c = s.charAt(i);
            if ((c != '2' || failuresOnly) && c != '4' && c != '5') {
                continue;
            }
            if (i > 0 && isWordOrDot(s.charAt(i - 1))) {
                continue;
            }
            if (Text.replyCodeAt(s, i) != null && (replyStartsAt(s, i) || multilineReply(s, i))) {
                return i;
            }
        }
        return -1;
    }

    /** "550-'Unknown user'" / "550-Text": the continuation form of a multi-line SMTP reply. */
    private static boolean multilineReply(String s, int i) {
        return i + 4 < s.length() && s.charAt(i + 3) == '-' && !Character.isDigit(s.charAt(i + 4));
    }

    /** Line start (after indentation or quoting), "said:", "]:", "error:", "... " and the like. */
    private static boolean replyStartsAt(String s, int i) {
        int p = i - 1;
        while (p >= 0 && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '<' || s.charAt(p) == '\''
                || s.charAt(p) == '"' || s.charAt(p) == '(' || s.charAt(p) == '>')) p--;
        if (p < 0 || s.charAt(p) == '\n' || s.charAt(p) == ':' || s.charAt(p) == ';' || s.charAt(p) == '\r') {
            return true;
        }
        int from = Math.max(0, p - 7);
        String before = s.substring(from, p + 1).toLowerCase(java.util.Locale.ROOT);
        return before.endsWith("said") || before.endsWith("...") || before.endsWith("reply") || before.endsWith("]")
                || before.endsWith("error") || before.endsWith("response") || before.endsWith("code");
    }

    static String statusAt(String s, int j) {
        if (j + 5 > s.length()) {
            return null;
        }
        String st = Text.findStatus(s.substring(j, Math.min(s.length(), j + 12)));
        return st != null && s.startsWith(st, j) ? st : null;
    }

    private static boolean isWordOrDot(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/' || c == '=' || c == '+' || c == '#';
    }
}
