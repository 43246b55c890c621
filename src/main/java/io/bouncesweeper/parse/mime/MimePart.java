package io.bouncesweeper.parse.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * One MIME entity after a bounded walk. The body is kept as a slice of the input when no
 * transfer decoding was needed, so walking a message copies almost nothing. A multipart holds its
 * children; a message/rfc822 or text/rfc822-headers part holds the enclosed message.
 */
public final class MimePart {
    private final Headers headers;
    private final ContentType contentType;
    /** Transfer encoding still to undo on first access: most parts (attachments of the original) are never read. */
    private Encoding pending;
    private byte[] body;
    private int bodyOffset;
    private int bodyLength;
    final List<MimePart> children = new ArrayList<>(0);
    MimePart enclosed;
    /** Set while this multipart's body is not split yet: splitting waits until someone asks for the children. */
    private Runnable pendingSplit;
    private String text;
    /**
     * What a reader made of this part, kept with it: the delivery-status report is read once
     * although the RFC 3464 decoder and the report hints both ask.
     */
    private Object derived;

    enum Encoding { NONE, BASE64, QUOTED_PRINTABLE }

    MimePart(Headers headers, ContentType contentType, byte[] body, int bodyOffset, int bodyLength) {
        this(headers, contentType, body, bodyOffset, bodyLength, Encoding.NONE);
    }

    MimePart(Headers headers, ContentType contentType, byte[] body, int bodyOffset, int bodyLength, Encoding encoding) {
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.pending = encoding;
    }

    private void decode() {
        if (pending == Encoding.NONE) {
            return;
        }
        byte[] d = pending == Encoding.BASE64
                ? TransferDecoding.base64(body, bodyOffset, bodyLength, MimeReader.MAX_DECODED_BYTES_PER_PART)
                : TransferDecoding.quotedPrintable(body, bodyOffset, bodyLength, MimeReader.MAX_DECODED_BYTES_PER_PART);
        body = d;
        bodyOffset = 0;
        bodyLength = d.length;
        pending = Encoding.NONE;
    }

    /** The value {@code read} makes of this part, made on the first call of each type and kept with the part. */
    public <T> T derived(Class<T> type, java.util.function.Function<MimePart, T> read) {
        if (type.isInstance(derived)) {
            return type.cast(derived);
        }
        T value = read.apply(this);
        derived = value;
        return value;
    }

    public Headers headers() {
        return headers;
    }

    public ContentType contentType() {
        return contentType;
    }

    public String mimeType() {
        return contentType.mimeType();
    }

    /** The parts of a multipart, split on first access (the original's attachments are rarely visited). */
    public List<MimePart> children() {
        Runnable split = pendingSplit;
        if (split != null) {
            pendingSplit = null;
            split.run();
        }
        return children;
    }

    void splitLater(Runnable split) {
        this.pendingSplit = split;
    }

    /** The message inside a message/rfc822 (or its headers only, for text/rfc822-headers); may be null. */
    public MimePart enclosed() {
        return enclosed;
    }

    public MimeReader.Slice slice() {
        decode();
        return new MimeReader.Slice(body, bodyOffset, bodyLength);
    }

    /** The decoded body bytes (a copy). */
    public byte[] bodyBytes() {
        decode();
        return java.util.Arrays.copyOfRange(body, bodyOffset, bodyOffset + bodyLength);
    }

    public int bodyLength() {
        decode();
        return bodyLength;
    }

    /** The decoded body as text in its declared charset; computed once and cached. */
    public String text() {
        String t = text;
        if (t == null) {
            decode();
            t = Charsets.decode(body, bodyOffset, bodyLength, contentType.charset());
            text = t;
        }
        return t;
    }

    /** Depth-first list of this part and every part below it, enclosed messages included. */
    public List<MimePart> flatten() {
        return flatten(true);
    }

    /** Depth-first list of this part and the parts below it; enclosed messages only if asked for. */
    public List<MimePart> flatten(boolean intoEnclosed) {
        List<MimePart> out = new ArrayList<>();
        collect(this, out, intoEnclosed);
        return out;
    }

    private static void collect(MimePart p, List<MimePart> out, boolean intoEnclosed) {
        // recursive only as deep as the reader allowed (MAX_DEPTH)
        out.add(p);
        for (MimePart c : p.children()) {
            collect(c, out, intoEnclosed);
        }
        if (intoEnclosed && p.enclosed != null) {
            collect(p.enclosed, out, true);
        }
    }
}
