package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.parse.mime.LowerCase;
import io.bouncesweeper.parse.mime.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One message after the MIME walk, with the views decoders ask for again and again: the
 * notification text a human would read, report parts, the enclosed original message.
 */
public final class Mail {
    /** Decoders scan at most this many characters of notification text. */
    public static final int MAX_TEXT_CHARS = 256 * 1024;

    private final MimePart root;
    private final List<MimePart> parts;
    private List<MimePart> allParts;
    private String subjectLower;
    private String text;
    private String textLower;
    private MimePart inlineOriginal;
    private int originalStart = -1;
    private boolean inlineSearched;

    public Mail(MimePart root) {
        this.root = root;
        this.parts = root.flatten(false);
    }

    public MimePart root() {
        return root;
    }

    public Headers headers() {
        return root.headers();
    }

    public String header(String name) {
        return root.headers().get(name);
    }

    /** A header's value without RFC 2047 decoding: where addresses are read (see {@link Headers}). */
    public String rawHeader(String name) {
        return root.headers().getRaw(name);
    }

    /** The sender's address, read from the raw From field. */
    public String fromAddress() {
        return Text.findAddress(rawHeader("From"));
    }

    public String subject() {
        String s = header("Subject");
        return s == null ? "" : s;
    }

    public String subjectLower() {
        if (subjectLower == null) {
            subjectLower = subject().toLowerCase(Locale.ROOT);
        }
        return subjectLower;
    }

    public String from() {
        String s = header("From");
        return s == null ? "" : s;
    }

    /** The message's own parts, depth first, not descending into enclosed messages. */
    public List<MimePart> parts() {
        return parts;
    }

    /** All parts, enclosed messages included (walked on first use). */
    public List<MimePart> allParts() {
        if (allParts == null) {
            allParts = root.flatten(true);
        }
        return allParts;
    }

    /**
     * The first part of this type among the message's own parts; enclosed messages are searched
     * only when the message itself holds no report part and is no multipart/report (a report
     * wrapped as an attachment). A report inside the original of a real report is not this mail's.
     */
    public MimePart firstPart(String mimeType) {
        MimePart p = firstIn(parts, mimeType);
        return p != null || !isWrapper() ? p : firstIn(allParts(), mimeType);
    }

    private Boolean wrapper;

    private boolean isWrapper() {
        if (wrapper == null) {
            boolean ownReport = root.mimeType().equals("multipart/report")
                    || !partsOf(parts, "message/delivery-status", "message/global-delivery-status",
                    "message/feedback-report").isEmpty();
            boolean enclosed = false;
            for (MimePart p : parts) {
                enclosed |= p != root && p.enclosed() != null;
            }
            wrapper = !ownReport && enclosed;
        }
        return wrapper;
    }

    private static MimePart firstIn(List<MimePart> list, String mimeType) {
        for (MimePart p : list) {
            if (p.mimeType().equals(mimeType)) {
                return p;
            }
        }
        return null;
    }

    /** Parts of these types among the message's own parts, or inside a wrapped report (see {@link #firstPart}). */
    public List<MimePart> partsOf(String... mimeTypes) {
        List<MimePart> own = partsOf(parts, mimeTypes);
        return !own.isEmpty() || !isWrapper() ? own : partsOf(allParts(), mimeTypes);
    }

    private static List<MimePart> partsOf(List<MimePart> list, String... mimeTypes) {
        List<MimePart> out = new ArrayList<>(1);
        for (MimePart p : list) {
            for (String t : mimeTypes) {
                if (p.mimeType().equals(t)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The original message: the enclosed message/rfc822 or text/rfc822-headers closest to the
     * top, else a copy quoted inline after a marker such as "------ This is a copy of the
     * message" (read as a message of its own); null if there is neither.
     */
    public MimePart original() {
        for (MimePart p : isWrapper() ? allParts() : parts) {
            // in a wrapped report, the wrapped report itself is not the original
            if (p != root && p.enclosed() != null && !p.enclosed().mimeType().equals("multipart/report")) {
                return p.enclosed();
            }
        }
        if (root.enclosed() != null) {
            return root.enclosed();
        }
        if (!inlineSearched) {
            inlineSearched = true;
            inlineOriginal = inlineOriginal();
        }
        return inlineOriginal;
    }

    /** Where a quoted copy of the original starts in {@link #text()} (its length if there is none). */
    public int originalStartInText() {
        if (originalStart < 0) {
            originalStart = TextReport.originalStart(textLower(), 0);
        }
        return originalStart;
    }

    private MimePart inlineOriginal() {
        String t = text();
        int at = originalStartInText();
        if (at >= t.length()) {
            return null;
        }
        int nl = t.indexOf('\n', at);
        int from = nl < 0 ? t.length() : nl + 1;
        if (TextReport.isHeaderLine(t.substring(at, nl < 0 ? t.length() : nl))) {
            from = at;
        }
        while (from < t.length() && (t.charAt(from) == '\n' || t.charAt(from) == '\r')) from++;
        String copy = t.substring(from, Math.min(t.length(), from + MimeReader.MAX_HEADER_BYTES));
        MimePart p = MimeReader.read(copy.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return p.headers().isEmpty() ? null : p;
    }

    /**
     * The human-readable notification: text parts outside enclosed messages, joined. For a single
     * part mail this includes any inline copy of the original; decoders cut it at their markers.
     */
    public String text() {
        if (text == null) {
            StringBuilder b = new StringBuilder();
            collectText(root, b, true);
            if (b.length() == 0) {
                collectText(root, b, false);
            }
            String t = b.length() > MAX_TEXT_CHARS ? b.substring(0, MAX_TEXT_CHARS) : b.toString();
            // one line-end convention keeps every scanner simple
            text = t.indexOf('\r') >= 0 ? t.replace("\r\n", "\n").replace('\r', '\n') : t;
        }
        return text;
    }

    /** {@link #text()} in lower case, computed once: several decoders search it. */
    public String textLower() {
        if (textLower == null) {
            textLower = LowerCase.of(text());
        }
        return textLower;
    }

    private static void collectText(MimePart p, StringBuilder b, boolean plainOnly) {
        if (b.length() > MAX_TEXT_CHARS) {
            return;
        }
        String t = p.mimeType();
        if (p.children().isEmpty()) {
            // a multipart whose boundaries were lost is still readable text
            boolean take = t.equals("text/plain") || t.startsWith("multipart/") || (!plainOnly && t.equals("text/html"));
            if (take && p.enclosed() == null) {
                String body = p.text();
                b.append(t.equals("text/html") ? Html.toText(body) : body).append('\n');
            }
            return;
        }
        boolean alternative = t.equals("multipart/alternative");
        for (MimePart c : p.children()) {
            int before = b.length();
            collectText(c, b, plainOnly);
            if (alternative && b.length() > before) {
                return; // one rendering of the same text is enough
            }
        }
    }
}
