package io.bouncesweeper.domain;

import java.util.Locale;

/**
 * What a decoded record reports. Only {@link #BOUNCE} is a delivery failure and only it changes a
 * recipient's list state. {@link #DELAYED}, {@link #CHALLENGE} and {@link #RECEIPT} are notices:
 * stored as events for analytics and archived apart, never counted against a recipient.
 */
public enum RecordKind {
    BOUNCE, DELIVERED, COMPLAINT, AUTOREPLY,
    /** Delivery is still being retried: a DSN with Action: delayed, or an MTA's "still trying" warning. */
    DELAYED,
    /** A challenge-response or sender-verification request ("please confirm you are human"). */
    CHALLENGE,
    /** A disposition notification (RFC 8098 read receipt). */
    RECEIPT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Delays, challenges and receipts: mail about a message that says nothing against its recipient. */
    public boolean isNotice() {
        return this == DELAYED || this == CHALLENGE || this == RECEIPT;
    }
}
