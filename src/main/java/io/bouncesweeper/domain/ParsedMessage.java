package io.bouncesweeper.domain;

import java.time.Instant;
import java.util.List;

/**
 * The parser's view of one raw message.
 *
 * @param messageId the report's own Message-ID (null when missing)
 * @param date      the report's Date header (null when missing or unreadable)
 * @param error     why the message is {@link ParseOutcome#UNPARSED}; null otherwise
 */
public record ParsedMessage(
        ParseOutcome outcome,
        String messageId,
        Instant date,
        OriginalMessage original,
        List<DeliveryRecord> records,
        String error) {

    public ParsedMessage {
        original = original == null ? OriginalMessage.UNKNOWN : original;
        records = records == null ? List.of() : List.copyOf(records);
    }

    public static ParsedMessage unparsed(String messageId, String error) {
        return new ParsedMessage(ParseOutcome.UNPARSED, messageId, null, OriginalMessage.UNKNOWN, List.of(), error);
    }
}
