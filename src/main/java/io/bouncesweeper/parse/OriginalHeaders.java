package io.bouncesweeper.parse;

import io.bouncesweeper.domain.OriginalMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the correlating headers (campaign, subscriber, list ...) out of the enclosed original message. */
final class OriginalHeaders {
    private final List<String> names;

    OriginalHeaders(List<String> names) {
        this.names = List.copyOf(names);
    }

    OriginalMessage of(Headers original) {
        if (original == null || original.isEmpty()) {
            return OriginalMessage.UNKNOWN;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            String v = original.get(name);
            if (v != null) {
                kept.put(name, v);
            }
        }
        String id = original.get("Message-ID");
        return new OriginalMessage(id == null ? null : id.trim(), kept);
    }
}
