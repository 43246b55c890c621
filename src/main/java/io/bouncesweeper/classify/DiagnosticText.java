package io.bouncesweeper.classify;

/**
 * The diagnostic as the rules see it: lower case, runs of white space (folded header lines, CRLF)
 * collapsed to one space, so a phrase matches however the server wrapped it.
 */
final class DiagnosticText {
    private DiagnosticText() {
    }

    static String normalise(String text) {
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
     * A multi-line SMTP reply repeats its code on every line ("550-5.7.1 Messages with multiple" /
     * "550-5.7.1 addresses in From: header"); once joined, those repeats split phrases apart. Removes
     * every repeat of the leading "NNN-X.Y.Z" or "NNN-" prefix after the first.
     */
    static String withoutContinuationCodes(String text) {
        String reply = leadingReplyCode(text);
        if (reply == null || text.length() < 5) {
            return text;
        }
        int afterReply = 4;
        String status = findStatus(text);
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

    /** First enhanced status code (d.d{1,3}.d{1,3}, class 4 or 5) standing alone in the text, or null. */
    static String findStatus(String text) {
        return scanStatus(text, false);
    }

    /**
     * The code the remote server itself gave: the last one standing right after a reply code
     * ("550 5.2.2", "550-'5.2.2", "<421 4.4.2"), since reports quote the server's reply after their
     * own summary. Null when no code follows a reply code.
     */
    static String findRemoteStatus(String text) {
        return scanStatus(text, true);
    }

    private static String scanStatus(String text, boolean remoteOnly) {
        String first = null;
        String lastAfterReply = null;
        for (int i = 0, n = text.length(); i + 4 < n; i++) {
            char c = text.charAt(i);
            if ((c == '4' || c == '5') && text.charAt(i + 1) == '.' && (i == 0 || !isCodeOrWordChar(text.charAt(i - 1)))) {
                int j = digits(text, i + 2);
                if (j > i + 2 && j - (i + 2) <= 3 && j < n && text.charAt(j) == '.') {
                    int k = digits(text, j + 1);
                    if (k > j + 1 && k - (j + 1) <= 3 && endsCode(text, k)) {
                        String code = text.substring(i, k);
                        if (first == null) {
                            first = code;
                        }
                        if (followsReplyCode(text, i)) {
                            lastAfterReply = code;
                        }
                        i = k - 1;
                    }
                }
            }
        }
        return remoteOnly ? lastAfterReply : first;
    }

    /** "550 ", "550-", "550-'" or "550 '" just before position i. */
    private static boolean followsReplyCode(String text, int i) {
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

    /** A reply code opening the text ("550 ...", "550-...", "550"), or null. */
    static String leadingReplyCode(String text) {
        if (text.length() >= 3 && isReplyDigits(text, 0)
                && (text.length() == 3 || text.charAt(3) == ' ' || text.charAt(3) == '-')) {
            return text.substring(0, 3);
        }
        return null;
    }

    private static boolean isReplyDigits(String s, int i) {
        char a = s.charAt(i);
        return (a == '4' || a == '5' || a == '2') && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2));
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** A code ends at the end of the text, before a non-code character or before a full stop ending a sentence. */
    private static boolean endsCode(String s, int k) {
        if (k == s.length() || !isCodeChar(s.charAt(k))) {
            return true;
        }
        return s.charAt(k) == '.' && (k + 1 == s.length() || !Character.isDigit(s.charAt(k + 1)));
    }

    /** Also letters: "v4.6.1" is a version, not a status. */
    private static boolean isCodeOrWordChar(char c) {
        return isCodeChar(c) || Character.isLetter(c);
    }

    private static boolean isCodeChar(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }
}
