package io.bouncesweeper.parse;

/**
 * Reading a recipient address as the mail writes it. A wrong recipient suppresses an address that
 * never bounced, so an address is taken whole or not at all: a quoted local part is read to its
 * closing quote, never cut at a quote, semicolon or backslash into a shorter valid-looking address;
 * a value with control characters (CR, LF ...) or an RFC 2047 encoded word is no address.
 */
public final class Addresses {
    /** RFC 5321 caps a local part at 64 octets; quoted ones in the wild run a little longer. */
    private static final int MAX_LOCAL = 128;
    private static final int MAX_DOMAIN = 255;

    private Addresses() {
    }

    /**
     * The address in a report field that names one recipient (Final-Recipient, Original-Recipient,
     * Original-Rcpt-To ...), given its raw (not RFC 2047-decoded) value: an optional address type
     * ("rfc822;"), then exactly one addr-spec, optionally in angle brackets and followed by a
     * comment. Anything else (a pipe, a path, a bare local part, trailing text) is no address.
     */
    public static String fromField(String raw) {
        if (raw == null) {
            return null;
        }
        return addrSpec(Text.afterType(raw));
    }

    /** {@code v} as one addr-spec ("a@b", "&lt;a@b&gt;", "a@b (comment)"), or null when it is anything else. */
    public static String addrSpec(String v) {
        if (v == null || hasControl(v)) {
            return null;
        }
        String s = v.strip();
        if (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            if (open > 0 && s.indexOf('"', open) < 0) {
                s = s.substring(0, open).strip();
            }
        }
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int at;
        if (s.startsWith("\"")) {
            int close = closingQuote(s, 0);
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != '@') {
                return null;
            }
            at = close + 1;
        } else {
            at = s.lastIndexOf('@');
            if (at <= 0 || !isDotAtomLocal(s, 0, at)) {
                return null;
            }
        }
        if (at > MAX_LOCAL || isEncodedWord(s.substring(0, at))) {
            return null;
        }
        String domain = s.substring(at + 1);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!isDomain(domain)) {
            return null;
        }
        return s.substring(0, at + 1) + domain;
    }

    /**
     * The quoted local part that ends with the quote just before {@code at} in free text
     * ({@code <"a b"@example.org>}), or null. The opening quote must follow a delimiter, the quoted
     * string must run exactly to {@code at - 1}, and it must hold no control character.
     */
    static String quotedLocalBefore(String s, int at) {
        if (at < 2 || s.charAt(at - 1) != '"') {
            return null;
        }
        int limit = Math.max(0, at - 1 - MAX_LOCAL);
        for (int open = s.lastIndexOf('"', at - 2); open >= limit; open = s.lastIndexOf('"', open - 1)) {
            if (open > 0 && !opensText(s.charAt(open - 1))) {
                continue;
            }
            if (closingQuote(s, open) == at - 1) {
                String local = s.substring(open, at);
                return hasControl(local) ? null : local;
            }
            if (open == 0) {
                break;
            }
        }
        return null;
    }

    /** Characters after which an address may start in free text. */
    static boolean opensText(char c) {
        return c <= ' ' || c == '<' || c == '(' || c == '[' || c == ',' || c == ';' || c == ':' || c == '>'
                || c == '=' || c > 127 && !Character.isLetterOrDigit(c);
    }

    /** The index of the quote that closes the quoted string opening at {@code open}, or -1. */
    private static int closingQuote(String s, int open) {
        int end = Math.min(s.length(), open + MAX_LOCAL + 2);
        for (int i = open + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            } else if (c < ' ' || c == 127) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isDotAtomLocal(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Text.isLocalChar(s.charAt(i))) {
                return false;
            }
        }
        return s.charAt(from) != '.';
    }

    private static boolean isDomain(String d) {
        if (d.isEmpty() || d.length() > MAX_DOMAIN) {
            return false;
        }
        if (d.startsWith("[")) {
            if (!d.endsWith("]")) {
                return false;
            }
            for (int i = 1; i < d.length() - 1; i++) {
                char c = d.charAt(i);
                if (!(Text.isDigit(c) || c == '.' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                    return false;
                }
            }
            return d.length() > 2;
        }
        if (d.charAt(0) == '.' || d.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || Text.isDigit(c) || c == '.' || c == '-' || c == '_'
                    || c > 127 && Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEncodedWord(String s) {
        int start = s.indexOf("=?");
        return start >= 0 && s.indexOf("?=", start + 2) > 0;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t' || c == 127 || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return true;
            }
        }
        return false;
    }
}
