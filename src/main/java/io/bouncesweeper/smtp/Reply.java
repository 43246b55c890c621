package io.bouncesweeper.smtp;

import java.util.Locale;

/**
 * SMTP reply codes (RFC 5321, "550", "421") in free text. A code followed by its enhanced status
 * ("550 5.1.1", "550-5.7.1", "550-'5.7.1") is a strong pair; a bare code counts only where a
 * server's reply starts (line start, after "said:", after "]: ").
 */
public final class Reply {
    /** Words after which a server's reply is quoted. */
    private static final String[] REPLY_MARKERS = {"said:", "said :", "reply:", "response:", "responded:", "error:",
            "answer:", "replied:", "message:", "diagnostic-code:", "smtp;"};

    /** A reply code and the status written right after it (status may be null). */
    public record Pair(String replyCode, String status, int at) {
    }

    private Reply() {
    }

    /** A reply code at the start of {@code s} after blanks, '&lt;', '#', '"' or '(' ("550 ...", "550-5.7.1 ..."), else null. */
    public static String leading(String s) {
        if (s == null) {
            return null;
        }
        int i = 0, n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '<' || s.charAt(i) == '#'
                || s.charAt(i) == '"' || s.charAt(i) == '(')) {
            i++;
        }
        return at(s, i);
    }

    /**
     * A reply code opening already normalised text exactly ("550 ...", "550-...", "550"), or null:
     * how the classifier reads a record's reply code and the first word of its diagnostic.
     */
    public static String opening(String text) {
        if (text != null && text.length() >= 3 && isReplyDigits(text, 0)
                && (text.length() == 3 || text.charAt(3) == ' ' || text.charAt(3) == '-')) {
            return text.substring(0, 3);
        }
        return null;
    }

    /** The reply code the remote server gave: leading, or after "said:" / "reply:" / "response:". */
    public static String find(String s) {
        if (s == null) {
            return null;
        }
        String lead = leading(s);
        if (lead != null) {
            return lead;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        for (String marker : REPLY_MARKERS) {
            int at = lower.indexOf(marker);
            while (at >= 0) {
                int from = at + marker.length();
                String code = leading(s.substring(from, Math.min(s.length(), from + 12)));
                if (code != null) {
                    return code;
                }
                at = lower.indexOf(marker, at + 1);
            }
        }
        return null;
    }

    /** "550 " / "550-" / "550" at end at position {@code i}, with class 2, 4 or 5; else null. */
    public static String at(String s, int i) {
        int n = s.length();
        if (i + 3 > n) {
            return null;
        }
        char a = s.charAt(i), b = s.charAt(i + 1), c = s.charAt(i + 2);
        if ((a != '2' && a != '4' && a != '5') || !Status.isDigit(b) || !Status.isDigit(c) || b > '5') {
            return null;
        }
        if (i + 3 < n) {
            char d = s.charAt(i + 3);
            if (d != ' ' && d != '-' && d != '\t' && d != '\r' && d != '\n' && d != ',' && d != ':' && d != ')'
                    && d != '"') {
                return null;
            }
        }
        return s.substring(i, i + 3);
    }

    /** The last strong pair in {@code s} (later pairs are the remote server's own words), or null. */
    public static Pair lastPair(String s) {
        return lastPair(s, false, false);
    }

    /**
     * As {@link #lastPair(String)}, ignoring 2xx/3xx pairs: a session transcript in a failure
     * report also quotes "250 2.1.5 Ok" and "221 2.0.0 Bye", which explain nothing.
     */
    public static Pair lastFailurePair(String s) {
        return lastPair(s, true, false);
    }

    /** Whether {@code s} holds any reply code with its status ({@code lastPair(s) != null}), stopping at the first. */
    public static boolean hasPair(String s) {
        return lastPair(s, false, true) != null;
    }

    private static Pair lastPair(String s, boolean failuresOnly, boolean firstWillDo) {
        Pair last = null;
        int n = s.length();
        for (int i = 0; i + 3 <= n; i++) {
            char c = s.charAt(i);
            if ((c != '2' && c != '4' && c != '5') || (i > 0 && isWordOrDot(s.charAt(i - 1)))) {
                continue;
            }
            String code = at(s, i);
            if (code == null || failuresOnly && code.charAt(0) < '4') {
                continue;
            }
            int j = i + 3;
            while (j < n && j < i + 6 && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '\'' || s.charAt(j) == '"')) j++;
            String st = Status.at(s, j);
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
    public static String lastFailure(String s) {
        String last = null;
        for (int i = replyIndex(s, 0, true); i >= 0; i = replyIndex(s, i + 3, true)) {
            last = s.substring(i, i + 3);
        }
        return last;
    }

    /** The first reply code where a server reply starts, or null. */
    public static String firstInText(String s) {
        int i = replyIndex(s, 0, false);
        return i < 0 ? null : s.substring(i, i + 3);
    }

    /** The first 4xx/5xx reply code where a server reply starts, or null. */
    public static String firstFailure(String s) {
        int i = replyIndex(s, 0, true);
        return i < 0 ? null : s.substring(i, i + 3);
    }

    /** A reply line that ends its reply ("550 text", not the "550-text" of a multi-line one). */
    public static boolean endsReply(String reply) {
        String code = leading(reply);
        if (code == null) {
            return true;
        }
        int at = reply.indexOf(code) + 3;
        return at >= reply.length() || reply.charAt(at) != '-';
    }

    /** A reply line of a transcript that reports a failure (4xx or 5xx). */
    public static boolean isFailure(String reply) {
        String code = leading(reply);
        return code != null && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    /**
     * A multi-line SMTP reply repeats its code on every line ("550-5.7.1 Messages with multiple" /
     * "550-5.7.1 addresses in From: header"); once joined, those repeats split phrases apart. Removes
     * every repeat of the opening "NNN-X.Y.Z" or "NNN-" prefix of normalised text after the first.
     */
    public static String withoutContinuationCodes(String text) {
        String reply = opening(text);
        if (reply == null || text.length() < 5) {
            return text;
        }
        int afterReply = 4;
        String status = Status.firstFailure(text);
        boolean statusLeads = status != null && text.startsWith(status, afterReply);
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i > 0 && text.charAt(i - 1) == ' ' && text.startsWith(reply, i) && i + 3 < text.length()
                    && (text.charAt(i + 3) == '-' || text.charAt(i + 3) == ' ')) {
                int j = i + 4;
                if (statusLeads && text.startsWith(status, j)) {
                    j += status.length();
                } else if (text.charAt(i + 3) == ' ') {
                    sb.append(text.charAt(i++)); // "550 " mid-text without the status is ordinary text
                    continue;
                }
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                i = j;
                continue;
            }
            sb.append(text.charAt(i++));
        }
        return sb.toString();
    }

    /** "550 ", "550-", "550-'" or "550 '" just before position i. */
    static boolean endsJustBefore(String text, int i) {
        int p = i - 1;
        if (p >= 0 && (text.charAt(p) == '\'' || text.charAt(p) == '"')) {
            p--;
        }
        if (p < 3 || (text.charAt(p) != ' ' && text.charAt(p) != '-')) {
            return false;
        }
        int start = p - 3;
        return isReplyDigits(text, start) && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)));
    }

    private static boolean isReplyDigits(String s, int i) {
        char a = s.charAt(i);
        return (a == '4' || a == '5' || a == '2') && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2));
    }

    private static int replyIndex(String s, int from, boolean failuresOnly) {
        int n = s.length();
        for (int i = from; i + 3 <= n; i++) {
            char c = s.charAt(i);
            if ((c != '2' || failuresOnly) && c != '4' && c != '5') {
                continue;
            }
            if (i > 0 && isWordOrDot(s.charAt(i - 1))) {
                continue;
            }
            if (at(s, i) != null && (replyStartsAt(s, i) || multilineReply(s, i))) {
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
        String before = s.substring(from, p + 1).toLowerCase(Locale.ROOT);
        return before.endsWith("said") || before.endsWith("...") || before.endsWith("reply") || before.endsWith("]")
                || before.endsWith("error") || before.endsWith("response") || before.endsWith("code");
    }

    private static boolean isWordOrDot(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/' || c == '=' || c == '+' || c == '#';
    }
}
