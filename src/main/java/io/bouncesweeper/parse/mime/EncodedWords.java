package io.bouncesweeper.parse.mime;

import java.nio.charset.StandardCharsets;

/**
 * RFC 2047 encoded words ({@code =?charset?B?...?=}, {@code =?charset?Q?...?=}) in header values.
 * Scans with indexOf only; whitespace between two adjacent encoded words is dropped as the RFC
 * requires. A malformed word is left as it stands.
 */
final class EncodedWords {
    private EncodedWords() {
    }

    static String decode(String s) {
        int start = s.indexOf("=?");
        if (start < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int pos = 0;
        boolean lastWasWord = false;
        while (start >= 0) {
            int q1 = s.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : s.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : s.indexOf("?=", q2 + 1);
            if (end < 0 || q2 != q1 + 2) {
                break;
            }
            String between = s.substring(pos, start);
            if (!(lastWasWord && between.isBlank())) {
                out.append(between);
            }
            String charset = s.substring(start + 2, q1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                charset = charset.substring(0, star);
            }
            char enc = Character.toUpperCase(s.charAt(q1 + 1));
            String text = s.substring(q2 + 1, end);
            byte[] bytes = enc == 'B' ? TransferDecoding.base64(text.getBytes(StandardCharsets.ISO_8859_1))
                    : enc == 'Q' ? qWord(text) : null;
            if (bytes == null) {
                out.append(s, start, end + 2);
                lastWasWord = false;
            } else {
                out.append(Charsets.decode(bytes, 0, bytes.length, charset));
                lastWasWord = true;
            }
            pos = end + 2;
            start = s.indexOf("=?", pos);
        }
        out.append(s, pos, s.length());
        return out.toString();
    }

    private static byte[] qWord(String text) {
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '_') {
                raw[i] = ' ';
            }
        }
        return TransferDecoding.quotedPrintable(raw, 0, raw.length, Integer.MAX_VALUE);
    }
}
