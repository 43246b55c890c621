package io.bouncesweeper.smtp;

/**
 * Enhanced status codes (RFC 3463, "class.subject.detail", e.g. {@code 5.1.1}) in free text. One
 * scanner decides what stands alone as a code: not "v4.6.1" (a version), not "1.5.0.3" or
 * "5.1.1.2" (an address or version number); each part has one to three digits.
 */
public final class Status {
    private Status() {
    }

    /** The first code of class 2, 4 or 5 standing alone in {@code s}, or null. */
    public static String first(String s) {
        return s == null ? null : scan(s, true, false);
    }

    /** The first code of class 4 or 5 standing alone in {@code s}, or null: a failure's status, not a transcript's "2.1.5 Ok". */
    public static String firstFailure(String s) {
        return s == null ? null : scan(s, false, false);
    }

    /**
     * The code the remote server itself gave: the last class 4 or 5 code standing right after a
     * reply code ("550 5.2.2", "550-'5.2.2", "&lt;421 4.4.2"), since reports quote the server's reply
     * after their own summary. Null when no code follows a reply code.
     */
    public static String lastAfterReply(String s) {
        return s == null ? null : scan(s, false, true);
    }

    /** A status as written in a Status: field ("5.1.1 (user unknown)" gives 5.1.1); null if none. */
    public static String field(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        String st = first(t);
        return st != null && t.startsWith(st) ? st : null;
    }

    /** The code starting exactly at {@code j} of {@code s} ("550 5.1.1": j = 4), or null. */
    public static String at(String s, int j) {
        if (j + 5 > s.length()) {
            return null;
        }
        int end = endOfCodeAt(s, j, true);
        return end < 0 ? null : s.substring(j, end);
    }

    private static String scan(String s, boolean successToo, boolean afterReplyOnly) {
        String last = null;
        for (int i = s.indexOf('.'); i > 0; i = s.indexOf('.', i + 1)) {
            int start = i - 1;
            int end = endOfCodeAt(s, start, successToo);
            if (end < 0) {
                continue;
            }
            if (!afterReplyOnly) {
                return s.substring(start, end);
            }
            if (Reply.endsJustBefore(s, start)) {
                last = s.substring(start, end);
            }
            i = end - 1;
        }
        return last;
    }

    /** The end of a code whose class digit is at {@code i}, or -1 when none starts there. */
    private static int endOfCodeAt(String s, int i, boolean successToo) {
        int n = s.length();
        if (i + 4 >= n || s.charAt(i + 1) != '.') {
            return -1;
        }
        char c = s.charAt(i);
        if (c != '4' && c != '5' && !(successToo && c == '2')) {
            return -1;
        }
        if (i > 0 && (isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.' || Character.isLetter(s.charAt(i - 1)))) {
            return -1;
        }
        int j = i + 2;
        int d1 = digits(s, j);
        if (d1 == 0 || d1 > 3 || j + d1 >= n || s.charAt(j + d1) != '.') {
            return -1;
        }
        int k = j + d1 + 1;
        int d2 = digits(s, k);
        if (d2 == 0 || d2 > 3) {
            return -1;
        }
        int e = k + d2;
        if (e < n && s.charAt(e) == '.' && e + 1 < n && isDigit(s.charAt(e + 1))) {
            return -1;
        }
        return e;
    }

    private static int digits(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) k++;
        return k - from;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
