package io.bouncesweeper.domain;

import java.time.Instant;
import java.util.List;

/**
 * A message after parse and classify, ready to store and archive. The raw bytes are gone by now:
 * only what is stored travels on, which keeps a chunk's memory small.
 *
 * @param fingerprint SHA-256 of the raw bytes: with the mailbox, the identity of a message wherever
 *                    it sits (a copy in another folder, or after a UIDVALIDITY change, is the same
 *                    mail; two different mails that reuse one Message-ID, as some MTAs do, are not)
 * @param eventTime   when the bounce happened: its Date header, or the time it was read
 * @param bounceRecipients where the bounce itself was delivered (its Delivered-To, X-Original-To,
 *                    Envelope-To and To headers): the VERP return path of the original, when used
 */
public record ProcessedMessage(
        MessageKey key,
        long size,
        ParseOutcome outcome,
        String messageId,
        String fingerprint,
        Instant eventTime,
        OriginalMessage original,
        List<ClassifiedRecord> records,
        ArchiveCategory category,
        String error,
        List<String> bounceRecipients) {

    public ProcessedMessage {
        records = List.copyOf(records);
        bounceRecipients = bounceRecipients == null ? List.of() : List.copyOf(bounceRecipients);
    }

    public ProcessedMessage(MessageKey key, long size, ParseOutcome outcome, String messageId, String fingerprint,
                            Instant eventTime, OriginalMessage original, List<ClassifiedRecord> records,
                            ArchiveCategory category, String error) {
        this(key, size, outcome, messageId, fingerprint, eventTime, original, records, category, error, List.of());
    }
}
