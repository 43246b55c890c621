package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.LowerCase;
import java.util.List;
import java.util.Locale;

/**
 * Small scanners over notification text: addresses, remote hosts and report field types (the SMTP
 * evidence itself is read by {@code io.bouncesweeper.smtp}). Hand-written loops rather than regexes: they run on every
 * message and must stay linear whatever the input.
 */
public final class Text {
    private Text() {
    }

    /** The first e-mail address in {@code s}, without angle brackets or quotes; null if none. */
    public static String findAddress(String s) {
        if (s == null) {
            return null;
        }
        int at = s.indexOf('@');
        while (at >= 0) {
            String a = addressAround(s, at);
            if (a != null) {
                return a;
            }
            at = s.indexOf('@', at + 1);
        }
        return null;
    }

    /**
     * The address whose '@' is at {@code at}, or null. An address is taken whole or not at all
     * (see {@link Addresses}): a quoted local part is read to its opening quote; a local part that
     * follows a closing quote, a backslash, a bracket or another '@', or a domain followed by
     * characters that cannot end an address ("?=", "%0d", "=", another '@'), is a fragment of
     * something else and yields null.
     */
    public static String addressAround(String s, int at) {
        int start = at;
        while (start > 0 && at - start <= 256 && isLocalChar(s.charAt(start - 1))) start--;
        int end = at + 1;
        while (end < s.length() && isDomainChar(s.charAt(end))) end++;
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) end--;
        if (end == at + 1 || !endsText(s, end)) {
            return null;
        }
        String local;
        if (start == at) {
            local = Addresses.quotedLocalBefore(s, at);
            if (local == null) {
                return null;
            }
        } else {
            int x400 = afterX400Dda(s, Math.max(0, start - 4), at);
            if (x400 >= 0) {
                start = x400;
            } else if (start > 0 && !startsAfter(s, start)) {
                return null;
            }
            local = s.substring(start, at);
            while (!local.isEmpty() && local.charAt(0) == '.') local = local.substring(1);
            if (local.isEmpty()) {
                return null;
            }
        }
        if (!bracketsOnlyAddress(s, at - local.length(), end)) {
            return null;
        }
        String domain = s.substring(at + 1, end);
        if (domain.indexOf('.') < 0 && !domain.startsWith("[")) {
            if (!domain.equalsIgnoreCase("localhost") && domain.length() < 2) {
                return null;
            }
        }
        return local + "@" + domain;
    }

    private static final String X400_DDA_SMTP = "dda:SMTP=";

    /**
     * Exchange 5.5 and 2003 name a recipient in X.400 form, "c=US;a= ;p=Org;o=Site;dda:SMTP=user@example.com;":
     * where the address's local part starts if the last "dda:SMTP=" (any case) in {@code s[from, at)} precedes
     * it, else -1. Both the address reader and the URL check ask, so the form is known in one place.
     */
    static int afterX400Dda(String s, int from, int at) {
        int n = X400_DDA_SMTP.length();
        for (int i = at - n - 1; i >= from; i--) {
            if (s.regionMatches(true, i, X400_DDA_SMTP, 0, n)) {
                return i + n;
            }
        }
        return -1;
    }

    /**
     * An address closed by '&gt;' must be all that its angle brackets hold, apart from a scheme such
     * as "mailto:" or "SMTP:": in {@code <"a");b@example.org>} the brackets hold a broken quoted
     * local part, and "b@example.org" is only its tail.
     */
    private static boolean bracketsOnlyAddress(String s, int localStart, int end) {
        if (end >= s.length() || s.charAt(end) != '>' || localStart <= 0) {
            return true;
        }
        int limit = Math.max(0, localStart - 256);
        for (int i = localStart - 1; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == '<') {
                return true;
            }
            if (c == '>' || c <= ' ') {
                return true; // no bracket opens in this word
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the character before an unquoted local part starting at {@code start} may precede an address. */
    private static boolean startsAfter(String s, int start) {
        char p = s.charAt(start - 1);
        if (p == '"') {
            // an opening quote ("a@b" as a display name) follows a delimiter; a closing one ends a quoted string
            return start < 2 || Addresses.opensText(s.charAt(start - 2));
        }
        if (p == ':' || p == ';' || p == ',') {
            return plainPrefix(s, start - 1);
        }
        return Addresses.opensText(p);
    }

    /**
     * Whether the word before a ':', ';' or ',' at {@code sep} is a type or scheme ("rfc822;",
     * "mailto:") or a whole address of a list ("a@b.example,c@d.example"), rather than the rest of
     * a token an address was glued into ("x%0d%0aBcc:victim@...", "1);DELETE...;--@...").
     */
    private static boolean plainPrefix(String s, int sep) {
        int limit = Math.max(0, sep - 256);
        boolean at = false;
        int i = sep - 1;
        for (; i >= limit; i--) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '(' || c == '"' || c == '>' || c == '[') {
                break;
            }
            if (c == '@') {
                at = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '-' || c == '.' || c == '_'
                    || c == '+' || (c == ',' || c == ';') && s.charAt(sep) != ':')) {
                return false;
            }
        }
        if (i < limit && limit > 0) {
            return false;
        }
        return !at || s.charAt(sep) != ':';
    }

    /** Whether an address may end before {@code end}: not inside an encoded word, URL escape or another address. */
    private static boolean endsText(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char c = s.charAt(end);
        if (c == '\r') {
            return end + 1 >= s.length() || s.charAt(end + 1) == '\n'; // a bare CR is no line end
        }
        if (c < ' ' && c != '\t' && c != '\n' || c == 127) {
            return false;
        }
        if (c == '?') {
            return end + 1 >= s.length() || s.charAt(end + 1) != '=';
        }
        return "@\\%=+*#$&^{|}~`".indexOf(c) < 0;
    }

    static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0
                || c > 127 && Character.isLetterOrDigit(c);
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '-' || c == '['
                || c == ']' || c == '_' || c > 127 && Character.isLetterOrDigit(c);
    }

    /**
     * The remote host a diagnostic names ("host mx.example.net[192.0.2.1] said:", "host
     * mx.example.net [192.0.2.1]: 550 ..."), or null. Only a dotted host name counts, so
     * "Host unknown" or "host or domain name not found" name nothing.
     */
    public static String remoteHost(String s) {
        if (s == null) {
            return null;
        }
        String l = LowerCase.of(s);
        for (int at = l.indexOf("host "); at >= 0; at = l.indexOf("host ", at + 5)) {
            if (at > 0 && Character.isLetterOrDigit(l.charAt(at - 1))) {
                continue; // "localhost ", "ghost "
            }
            int i = at + 5;
            while (i < s.length() && s.charAt(i) == ' ') i++;
            int j = i;
            while (j < s.length() && isHostChar(s.charAt(j))) j++;
            String host = s.substring(i, j);
            while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
            if (host.indexOf('.') > 0 && host.length() > 3 && host.length() < 254 && Character.isLetterOrDigit(host.charAt(0))) {
                return host.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '-' || c == '_';
    }

    /** Text after an RFC 3464 type prefix ("rfc822; a@b" → "a@b", "smtp; 550 ..." → "550 ..."). */
    public static String afterType(String v) {
        if (v == null) {
            return null;
        }
        int semi = v.indexOf(';');
        if (semi > 0 && semi < 20 && isTypeName(v, semi)) {
            return v.substring(semi + 1).trim();
        }
        return v.trim();
    }

    /** An address or diagnostic type ("rfc822", "smtp", "X-Unix") before {@code semi}, after optional blanks. */
    private static boolean isTypeName(String v, int semi) {
        int i = 0;
        while (i < semi && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) i++;
        if (i == semi) {
            return false;
        }
        for (; i < semi; i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
