package io.bouncesweeper.domain;

/**
 * One recipient's result as the mail reports it, before classification. Every field but
 * {@code kind} may be null: many mail servers omit most of them.
 *
 * @param status     enhanced status code (RFC 3463) as found in the mail, e.g. {@code 5.1.1}
 * @param replyCode  SMTP reply code, e.g. {@code 550}
 * @param decoder    name of the parser module that produced the record (e.g. {@code RFC3464})
 */
public record DeliveryRecord(
        RecordKind kind,
        String recipient,
        String originalRecipient,
        String action,
        String status,
        String replyCode,
        String diagnostic,
        String remoteMta,
        String reportingMta,
        String lastAttemptDate,
        String decoder) {
}
