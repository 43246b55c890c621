package io.bouncesweeper.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a bounce was delivered, read from its own top-level headers (Delivered-To, X-Original-To,
 * Envelope-To, To): with VERP that address encodes the failed recipient. Reads only the header
 * block, at most 64 KB.
 */
final class BounceEnvelope {
    private static final List<String> NAMES = List.of("delivered-to", "x-original-to", "envelope-to", "to");
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private BounceEnvelope() {
    }

    static List<String> recipients(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return List.of();
        }
        int end = Math.min(raw.length, MAX_HEADER_BYTES);
        for (int i = 0; i + 1 < end; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < end && raw[i + 2] == '\n')) {
                end = i;
                break;
            }
        }
        String block = new String(raw, 0, end, StandardCharsets.ISO_8859_1).replaceAll("\r?\n[ \t]+", " ");
        List<String> found = new ArrayList<>();
        for (String name : NAMES) {
            for (String line : block.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    found.add(line.substring(colon + 1).trim());
                }
            }
        }
        return found;
    }
}
