package io.bouncesweeper.parse.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounded byte-level MIME walk. Multiparts are split when their children are first asked for,
 * so the attachments of an enclosed original cost nothing unless a decoder looks at them; the
 * caps below hold however the walk is driven. Mail from the internet is hostile or broken often enough that
 * every dimension has a cap; past a cap the walk stops descending or truncates, it never fails:
 * <ul>
 * <li>{@link #MAX_DEPTH}: nesting of multiparts and enclosed messages; deeper entities are kept
 * as opaque leaves.</li>
 * <li>{@link #MAX_PARTS}: entities per message; later parts are dropped.</li>
 * <li>{@link #MAX_FIELD_BYTES}: bytes kept per header field, and {@link #MAX_HEADER_BYTES} per
 * header block; the rest is skipped (scanned once, linearly) so a 2 MB header line costs one pass
 * and no memory.</li>
 * <li>{@link #MAX_DECODED_BYTES_PER_PART}: bytes a base64 or quoted-printable body may decode to.</li>
 * </ul>
 * Lines may end in LF or CRLF; a message using bare CR only is converted to LF first. All scanning
 * is indexOf-style and linear in the input (boundary search is linear times the boundary length,
 * which is capped at {@link #MAX_BOUNDARY_LENGTH}).
 */
public final class MimeReader {
    public static final int MAX_DEPTH = 20;
    public static final int MAX_PARTS = 200;
    public static final int MAX_HEADER_BYTES = 256 * 1024;
    public static final int MAX_FIELD_BYTES = 16 * 1024;
    public static final int MAX_DECODED_BYTES_PER_PART = 4 * 1024 * 1024;
    /** RFC 2046 allows 70; longer values are garbage and would slow the boundary search. */
    public static final int MAX_BOUNDARY_LENGTH = 200;

    private int parts;
    /** Latin-1 views of the byte arrays being split: String.indexOf is vectorised, a byte loop is not. */
    private final java.util.Map<byte[], String> latin1 = new java.util.IdentityHashMap<>(4);

    private MimeReader() {
    }

    /** Reads one message. Never throws for any input. */
    public static MimePart read(byte[] raw) {
        byte[] b = raw == null ? new byte[0] : normaliseBareCr(raw);
        return new MimeReader().entity(b, 0, b.length, 0, ContentType.TEXT_PLAIN, false);
    }

    /** Reads a header block alone (e.g. the body of a text/rfc822-headers part). */
    public static Headers readHeaders(byte[] b, int start, int end) {
        return parseHeaderBlock(b, start, end, new int[1]);
    }

    private MimePart entity(byte[] b, int start, int end, int depth, ContentType defaultType, boolean headersOnly) {
        parts++;
        int[] bodyStart = new int[1];
        Headers headers = parseHeaderBlock(b, start, end, bodyStart);
        ContentType ct = ContentType.parse(headers.get("Content-Type"), defaultType);
        if (headersOnly) {
            return new MimePart(headers, ct, b, end, 0);
        }
        int bs = bodyStart[0];
        String cte = headers.get("Content-Transfer-Encoding");
        MimePart part = decodedPart(headers, ct, cte, b, bs, end);
        if (depth >= MAX_DEPTH) {
            return part;
        }
        String type = ct.mimeType();
        if (ct.isMultipart()) {
            ContentType childDefault = type.equals("multipart/digest") ? ContentType.MESSAGE_RFC822 : ContentType.TEXT_PLAIN;
            part.splitLater(() -> splitMultipart(part, b, bs, end, ct.boundary(), depth, childDefault));
        } else if (isEnclosedMessage(type) && parts < MAX_PARTS) {
            Slice s = part.slice();
            part.enclosed = entity(s.b, s.off, s.off + s.len, depth + 1, ContentType.TEXT_PLAIN, false);
        } else if (isEnclosedHeaders(type) && parts < MAX_PARTS) {
            Slice s = part.slice();
            part.enclosed = entity(s.b, s.off, s.off + s.len, depth + 1, ContentType.TEXT_PLAIN, true);
        }
        return part;
    }

    static boolean isEnclosedMessage(String type) {
        return type.equals("message/rfc822") || type.equals("message/global") || type.equals("message/partial");
    }

    static boolean isEnclosedHeaders(String type) {
        return type.equals("text/rfc822-headers") || type.equals("message/global-headers")
                || type.equals("text/rfc822-header");
    }

    private static MimePart decodedPart(Headers h, ContentType ct, String cte, byte[] b, int bs, int end) {
        int len = Math.max(0, end - bs);
        if (cte != null && !ct.isMultipart()) {
            String enc = cte.trim().toLowerCase(Locale.ROOT);
            if (enc.startsWith("base64")) {
                return new MimePart(h, ct, b, bs, len, MimePart.Encoding.BASE64);
            }
            if (enc.startsWith("quoted-printable")) {
                return new MimePart(h, ct, b, bs, len, MimePart.Encoding.QUOTED_PRINTABLE);
            }
        }
        return new MimePart(h, ct, b, bs, Math.min(len, MAX_DECODED_BYTES_PER_PART));
    }

    private void splitMultipart(MimePart parent, byte[] b, int start, int end, String boundary, int depth,
                                ContentType childDefault) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            return;
        }
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = findDelimiter(b, start, end, delim);
        while (pos >= 0 && parts < MAX_PARTS) {
            int after = pos + delim.length;
            if (after + 1 < end && b[after] == '-' && b[after + 1] == '-') {
                return; // closing delimiter
            }
            int contentStart = nextLine(b, after, end);
            int next = findDelimiter(b, contentStart, end, delim);
            int contentEnd = next < 0 ? end : trimLineBreakBefore(b, contentStart, next);
            parent.children.add(entity(b, contentStart, contentEnd, depth + 1, childDefault, false));
            pos = next;
        }
    }

    /** Finds "--boundary" at the start of a line within {@code [from, end)}, or -1. */
    private int findDelimiter(byte[] b, int from, int end, byte[] delim) {
        String text = latin1.computeIfAbsent(b, k -> new String(k, StandardCharsets.ISO_8859_1));
        String d = new String(delim, StandardCharsets.ISO_8859_1);
        for (int i = text.indexOf(d, from); i >= 0 && i + delim.length <= end; i = text.indexOf(d, i + 1)) {
            if (i == 0 || b[i - 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimLineBreakBefore(byte[] b, int start, int pos) {
        int p = pos;
        if (p > start && b[p - 1] == '\n') p--;
        if (p > start && b[p - 1] == '\r') p--;
        return p;
    }

    private static int nextLine(byte[] b, int from, int end) {
        int eol = Bytes.lineEnd(b, from, end);
        return eol < end ? eol + 1 : end;
    }

    /**
     * Parses fields until the first empty line (or a line that cannot be a header). Writes where
     * the body starts into {@code bodyStart[0]}.
     */
    public static Headers parseHeaderBlock(byte[] b, int start, int end, int[] bodyStart) {
        List<Headers.Field> fields = new ArrayList<>(24);
        int kept = 0;
        int i = start;
        String name = null;
        int valueFrom = 0, valueTo = 0;
        while (i < end) {
            int eol = Bytes.lineEnd(b, i, end);
            int lineEnd = eol > i && b[eol - 1] == '\r' ? eol - 1 : eol;
            int next = eol < end ? eol + 1 : end;
            if (lineEnd == i) { // empty line: end of headers
                i = next;
                break;
            }
            byte c = b[i];
            if ((c == ' ' || c == '\t') && name != null) {
                valueTo = lineEnd; // continuation line: unfolded when the value is read
                i = next;
                continue;
            }
            int colon = headerColon(b, i, lineEnd);
            if (colon < 0 && name != null && endsWithSemicolon(b, valueFrom, valueTo) && isParameter(b, i, lineEnd)) {
                valueTo = lineEnd; // "boundary=..." that lost its folding white space: still the field's parameter
                i = next;
                continue;
            }
            if (colon < 0) {
                if (fields.isEmpty() && name == null) {
                    // no header at all: the whole entity is body
                    bodyStart[0] = start;
                    return Headers.EMPTY;
                }
                break; // a non-header line ends the block; it belongs to the body
            }
            if (name != null && kept < MAX_HEADER_BYTES) {
                kept += Math.min(valueTo - valueFrom, MAX_FIELD_BYTES);
                fields.add(new Headers.Field(name, b, valueFrom, valueTo));
            }
            name = new String(b, i, colon - i, StandardCharsets.ISO_8859_1).trim();
            valueFrom = colon + 1;
            valueTo = lineEnd;
            i = next;
        }
        if (name != null && kept < MAX_HEADER_BYTES) {
            fields.add(new Headers.Field(name, b, valueFrom, valueTo));
        }
        bodyStart[0] = Math.min(i, end);
        return new Headers(fields);
    }

    /**
     * A folded field value as one line: line breaks and indentation become one space; capped at
     * {@link #MAX_FIELD_BYTES}. Encoded words are left as they stand (see {@link Headers}).
     */
    static String unfold(byte[] b, int from, int to) {
        if (Bytes.lineEnd(b, from, to) >= to) {
            // one line, as most fields are: no builder, no copy
            return trimmed(b, from, Math.min(to, from + MAX_FIELD_BYTES)).trim();
        }
        StringBuilder v = new StringBuilder(Math.min(to - from, 256));
        int i = from;
        while (i < to && v.length() < MAX_FIELD_BYTES) {
            int eol = Bytes.lineEnd(b, i, to);
            int lineEnd = Math.min(eol, i + (MAX_FIELD_BYTES - v.length()));
            String part = trimmed(b, i, lineEnd);
            if (!part.isEmpty()) {
                if (v.length() > 0) v.append(' ');
                v.append(part);
            }
            i = eol + 1;
        }
        return v.toString().trim();
    }

    /** Whether a field value so far ends with ";", i.e. announces another parameter. */
    private static boolean endsWithSemicolon(byte[] b, int from, int to) {
        int i = to - 1;
        while (i >= from && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i--;
        }
        return i >= from && b[i] == ';';
    }

    /** A MIME parameter at the start of a line: a token, an optional "*", then "=" (RFC 2045, RFC 2231). */
    private static boolean isParameter(byte[] b, int from, int to) {
        int i = from;
        while (i < to && i - from < 64 && (Character.isLetterOrDigit(b[i]) || b[i] == '-' || b[i] == '_' || b[i] == '.')) {
            i++;
        }
        if (i == from) {
            return false;
        }
        if (i < to && b[i] == '*') {
            i++;
        }
        return i < to && b[i] == '=';
    }

    /** A header line is "name:" with a printable name without spaces; returns the colon's index or -1. */
    private static int headerColon(byte[] b, int from, int to) {
        int limit = Math.min(to, from + 128);
        for (int i = from; i < limit; i++) {
            byte c = b[i];
            if (c == ':') {
                return i > from ? i : -1;
            }
            if (c <= ' ' || c == 127) {
                // tolerate "Name :" (space before the colon)
                int j = i;
                while (j < limit && (b[j] == ' ' || b[j] == '\t')) j++;
                return j < limit && b[j] == ':' && j > from ? j : -1;
            }
        }
        return -1;
    }

    private static String trimmed(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) from++;
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t' || b[to - 1] == '\r')) to--;
        if (Charsets.isAscii(b, from, to - from)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return Charsets.utf8OrLatin1(b, from, to - from);
    }

    private static byte[] normaliseBareCr(byte[] raw) {
        int scan = Math.min(raw.length, 8192);
        boolean cr = false;
        for (int i = 0; i < scan; i++) {
            if (raw[i] == '\n') {
                return raw;
            }
            if (raw[i] == '\r') {
                cr = true;
            }
        }
        if (!cr) {
            return raw;
        }
        byte[] copy = raw.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\r') {
                copy[i] = '\n';
            }
        }
        return copy;
    }

    /** A view of a byte range. */
    public record Slice(byte[] b, int off, int len) {
    }
}
