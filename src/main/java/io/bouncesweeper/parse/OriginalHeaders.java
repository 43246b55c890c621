package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.domain.OriginalMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the correlating headers (campaign, subscriber, list ...) out of the enclosed original
 * message. Values are kept verbatim: the Return-Path names a VERP recipient and the identifiers
 * are matched against what was sent, so a decoded encoded word must not change them. Only the
 * free-text Subject is RFC 2047-decoded.
 */
final class OriginalHeaders {
    private static final Set<String> DECODED = Set.of("subject", "comments", "keywords");

    private final List<String> names;
    /** Per name, whether its value is decoded: settled once, not per message. */
    private final boolean[] decoded;

    OriginalHeaders(List<String> names) {
        this.names = List.copyOf(names);
        this.decoded = new boolean[this.names.size()];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = DECODED.contains(this.names.get(i).toLowerCase(Locale.ROOT));
        }
    }

    OriginalMessage of(Headers original) {
        if (original == null || original.isEmpty()) {
            return OriginalMessage.UNKNOWN;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < decoded.length; i++) {
            String name = names.get(i);
            String v = decoded[i] ? original.get(name) : original.getRaw(name);
            if (v != null) {
                kept.put(name, v);
            }
        }
        String id = original.getRaw("Message-ID");
        return new OriginalMessage(id == null ? null : id.trim(), kept);
    }
}
