package io.bouncesweeper.domain;

import java.util.Map;

/**
 * What the bounce tells about the message that could not be delivered: its Message-ID and the
 * original headers that correlate it with a campaign or subscriber (X-Campaign-Id, List-Id ...).
 */
public record OriginalMessage(String messageId, Map<String, String> headers) {
    public static final OriginalMessage UNKNOWN = new OriginalMessage(null, Map.of());

    public OriginalMessage {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
