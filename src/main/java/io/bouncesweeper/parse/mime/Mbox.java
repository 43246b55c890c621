package io.bouncesweeper.parse.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an mbox file at its "From " separator lines. Input that does not start with "From " is
 * one message. The separator line itself is dropped; ">From " quoting is left alone since the
 * parser only reads headers and report fields, which it never affects.
 */
public final class Mbox {
    /** An mbox with more messages than this is cut: a bounce mailbox entry never holds many. */
    public static final int MAX_MESSAGES = 100;

    /** "From sender Thu Jul  2 12:05:05 2020": the envelope line mbox writers put before each message. */
    private static final Pattern ENVELOPE = Pattern.compile(
            "From \\S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d{1,2} +\\d{1,2}:\\d{2}(?::\\d{2})? .*\\d{4}\\s*");
    private static final int MAX_ENVELOPE_LINE = 300;

    private Mbox() {
    }

    static boolean isMbox(byte[] b) {
        return startsWithFrom(b, 0);
    }

    public static List<MimeReader.Slice> split(byte[] b) {
        List<MimeReader.Slice> out = new ArrayList<>(2);
        if (!isMbox(b)) {
            out.add(new MimeReader.Slice(b, 0, b.length));
            return out;
        }
        int msgStart = lineAfter(b, 0);
        int i = msgStart;
        while (i < b.length && out.size() < MAX_MESSAGES - 1) {
            int nl = indexOf(b, (byte) '\n', i);
            if (nl < 0) {
                break;
            }
            int line = nl + 1;
            if (startsWithFrom(b, line) && (precededByBlankLine(b, nl) || isEnvelopeBeforeHeader(b, line))) {
                out.add(new MimeReader.Slice(b, msgStart, nl - msgStart));
                msgStart = lineAfter(b, line);
                i = msgStart;
            } else {
                i = line;
            }
        }
        out.add(new MimeReader.Slice(b, msgStart, b.length - msgStart));
        return out;
    }

    /** mboxrd/mboxo put an empty line before each separator; requiring it avoids splitting on body text. */
    private static boolean precededByBlankLine(byte[] b, int nl) {
        int p = nl - 1;
        if (p >= 0 && b[p] == '\r') p--;
        return p >= 0 && b[p] == '\n';
    }

    /**
     * Files glued together without the blank line still hold a separator when a whole envelope line
     * (sender and date) is followed by a header field; body text starting "From " is neither.
     */
    private static boolean isEnvelopeBeforeHeader(byte[] b, int line) {
        int next = lineAfter(b, line);
        if (next - line > MAX_ENVELOPE_LINE || !startsWithHeaderField(b, next)) {
            return false;
        }
        return ENVELOPE.matcher(new String(b, line, next - line, StandardCharsets.ISO_8859_1)).matches();
    }

    private static boolean startsWithHeaderField(byte[] b, int at) {
        int i = at;
        while (i < b.length && i - at < 80 && b[i] > ' ' && b[i] < 127 && b[i] != ':') {
            i++;
        }
        return i > at && i < b.length && b[i] == ':';
    }

    private static boolean startsWithFrom(byte[] b, int at) {
        return at + 5 <= b.length && b[at] == 'F' && b[at + 1] == 'r' && b[at + 2] == 'o' && b[at + 3] == 'm'
                && b[at + 4] == ' ';
    }

    private static int lineAfter(byte[] b, int from) {
        int nl = indexOf(b, (byte) '\n', from);
        return nl < 0 ? b.length : nl + 1;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
