package io.bouncesweeper.domain;

import java.util.Locale;

/**
 * What a decoded record reports. Only {@link #BOUNCE} is a delivery failure and only it changes a
 * recipient's list state, with {@link #COMPLAINT} and, where the sender's own report is missing,
 * {@link #COPY}. {@link #DELAYED}, {@link #CHALLENGE} and {@link #RECEIPT} are notices: stored as
 * events for analytics and archived apart, never counted against a recipient.
 */
public enum RecordKind {
    BOUNCE, DELIVERED, COMPLAINT, AUTOREPLY,
    /** Delivery is still being retried: a DSN with Action: delayed, or an MTA's "still trying" warning. */
    DELAYED,
    /** A challenge-response or sender-verification request ("please confirm you are human"). */
    CHALLENGE,
    /** A disposition notification (RFC 8098 read receipt). */
    RECEIPT,
    /**
     * The copy of a failure report that a mail server sends its postmaster (Postfix's "Postmaster
     * Copy: Undelivered Mail"): the same failure as the sender's own report, so it counts only where
     * that report is not stored (same recipient and original Message-ID, see RecipientPolicy).
     */
    COPY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Delays, challenges, receipts and postmaster copies: filed apart from the failures (archive.notices). */
    public boolean isNotice() {
        return this == DELAYED || this == CHALLENGE || this == RECEIPT || this == COPY;
    }
}
