package io.bouncesweeper.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a bounce was delivered, read from its own top-level headers (Delivered-To, X-Original-To,
 * Envelope-To, To): with VERP that address encodes the failed recipient. Reads only the header
 * block, at most 64 KB, in one pass over the bytes (this runs for every message of a sweep).
 */
final class BounceEnvelope {
    /** In the order the values are returned: the most specific envelope header first. */
    private static final String[] NAMES = {"delivered-to", "x-original-to", "envelope-to", "to"};
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private BounceEnvelope() {
    }

    static List<String> recipients(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return List.of();
        }
        int end = Math.min(raw.length, MAX_HEADER_BYTES);
        @SuppressWarnings("unchecked")
        List<String>[] byName = new List[NAMES.length];
        int i = 0;
        while (i < end) {
            int lineEnd = lineEnd(raw, i, end);
            if (lineEnd == i) {
                break; // the empty line that ends the header block
            }
            int fieldEnd = fieldEnd(raw, lineEnd, end);
            int name = nameIndex(raw, i, lineEnd);
            if (name >= 0) {
                if (byName[name] == null) {
                    byName[name] = new ArrayList<>(1);
                }
                byName[name].add(value(raw, i, fieldEnd));
            }
            i = next(raw, fieldEnd, end);
        }
        List<String> found = new ArrayList<>();
        for (List<String> values : byName) {
            if (values != null) {
                found.addAll(values);
            }
        }
        return found;
    }

    /** Index of the line's terminating CR LF or LF (or end), CR excluded. */
    private static int lineEnd(byte[] raw, int from, int end) {
        int j = from;
        while (j < end && raw[j] != '\n') {
            j++;
        }
        return j > from && raw[j - 1] == '\r' ? j - 1 : j;
    }

    /** Position after the line terminator at {@code lineEnd}. */
    private static int next(byte[] raw, int lineEnd, int end) {
        int j = lineEnd;
        if (j < end && raw[j] == '\r') {
            j++;
        }
        return j < end && raw[j] == '\n' ? j + 1 : j;
    }

    /** End of a field whose first line ends at {@code lineEnd}: continuation lines start with space or tab. */
    private static int fieldEnd(byte[] raw, int lineEnd, int end) {
        int e = lineEnd;
        while (true) {
            int n = next(raw, e, end);
            if (n >= end || n == e || (raw[n] != ' ' && raw[n] != '\t')) {
                return e;
            }
            e = lineEnd(raw, n, end);
        }
    }

    private static int nameIndex(byte[] raw, int from, int lineEnd) {
        int colon = from;
        while (colon < lineEnd && raw[colon] != ':') {
            colon++;
        }
        if (colon == lineEnd || colon == from) {
            return -1;
        }
        int s = from;
        int e = colon;
        while (s < e && (raw[s] == ' ' || raw[s] == '\t')) {
            s++;
        }
        while (e > s && (raw[e - 1] == ' ' || raw[e - 1] == '\t')) {
            e--;
        }
        for (int n = 0; n < NAMES.length; n++) {
            if (equalsIgnoreCase(raw, s, e, NAMES[n])) {
                return n;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(byte[] raw, int s, int e, String lowerName) {
        if (e - s != lowerName.length()) {
            return false;
        }
        for (int k = 0; k < lowerName.length(); k++) {
            int b = raw[s + k];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The unfolded value: each line break with the whitespace after it becomes one space, then trimmed. */
    private static String value(byte[] raw, int from, int fieldEnd) {
        int colon = from;
        while (raw[colon] != ':') {
            colon++;
        }
        StringBuilder sb = new StringBuilder(fieldEnd - colon);
        int j = colon + 1;
        while (j < fieldEnd) {
            byte b = raw[j];
            if (b == '\r' || b == '\n') {
                j = next(raw, j, fieldEnd);
                while (j < fieldEnd && (raw[j] == ' ' || raw[j] == '\t')) {
                    j++;
                }
                sb.append(' ');
                continue;
            }
            sb.append((char) (b & 0xff));
            j++;
        }
        return sb.toString().trim();
    }
}
