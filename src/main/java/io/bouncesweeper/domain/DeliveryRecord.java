package io.bouncesweeper.domain;

/**
 * One recipient's result as the mail reports it, before classification. Every field but
 * {@code kind} may be null: many mail servers omit most of them.
 *
 * @param action       DSN Action field (failed, delayed, delivered, relayed, expanded)
 * @param status       enhanced status code (RFC 3463) as found in the mail, e.g. {@code 5.1.1}
 * @param replyCode    SMTP reply code, e.g. {@code 550}
 * @param smtpCommand  the SMTP command the remote server refused (CONNECT, HELO, EHLO, MAIL, RCPT, DATA)
 * @param reasonHint   a reason the decoder read from the mail's own structure (e.g. a retry
 *                     timeout), or null: the classifier takes it as strong evidence
 * @param feedbackType ARF Feedback-Type (abuse, fraud ...) for complaints
 * @param decoder      name of the parser module that produced the record (e.g. {@code RFC3464})
 * @param diagnosticType the type before ';' in a DSN Diagnostic-Code field, lower case ({@code smtp},
 *                     {@code x-unix}, {@code x-postfix}), or null: a local mailer's type says no SMTP server answered
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
        String smtpCommand,
        String reasonHint,
        String feedbackType,
        String decoder,
        String diagnosticType) {

    public static Builder builder(RecordKind kind) {
        return new Builder(kind);
    }

    public Builder toBuilder() {
        return new Builder(kind).recipient(recipient).originalRecipient(originalRecipient).action(action)
                .status(status).replyCode(replyCode).diagnostic(diagnostic).remoteMta(remoteMta)
                .reportingMta(reportingMta).lastAttemptDate(lastAttemptDate).smtpCommand(smtpCommand)
                .reasonHint(reasonHint).feedbackType(feedbackType).decoder(decoder).diagnosticType(diagnosticType);
    }

    /** Decoders fill fields one at a time as they find them; the builder keeps that readable. */
    public static final class Builder {
        private RecordKind kind;
        private String recipient, originalRecipient, action, status, replyCode, diagnostic, remoteMta,
                reportingMta, lastAttemptDate, smtpCommand, reasonHint, feedbackType, decoder, diagnosticType;

        private Builder(RecordKind kind) { this.kind = kind; }

        public Builder kind(RecordKind v) { kind = v; return this; }
        public Builder recipient(String v) { recipient = v; return this; }
        public Builder originalRecipient(String v) { originalRecipient = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder replyCode(String v) { replyCode = v; return this; }
        public Builder diagnostic(String v) { diagnostic = v; return this; }
        public Builder remoteMta(String v) { remoteMta = v; return this; }
        public Builder reportingMta(String v) { reportingMta = v; return this; }
        public Builder lastAttemptDate(String v) { lastAttemptDate = v; return this; }
        public Builder smtpCommand(String v) { smtpCommand = v; return this; }
        public Builder reasonHint(String v) { reasonHint = v; return this; }
        public Builder feedbackType(String v) { feedbackType = v; return this; }
        public Builder decoder(String v) { decoder = v; return this; }
        public Builder diagnosticType(String v) { diagnosticType = v; return this; }

        public DeliveryRecord build() {
            return new DeliveryRecord(kind, recipient, originalRecipient, action, status, replyCode, diagnostic,
                    remoteMta, reportingMta, lastAttemptDate, smtpCommand, reasonHint, feedbackType, decoder, diagnosticType);
        }
    }
}
