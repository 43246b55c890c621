package io.bouncesweeper.config;

/** How the job obtains an OAuth2 access token for IMAP (RFC 6749, RFC 7523). */
public enum OAuth2Grant {
    /**
     * A long-lived refresh token an operator obtained once by consent (Gmail user accounts,
     * Microsoft 365 delegated access); needs {@code refresh-token-env} or {@code refresh-token-file}.
     */
    REFRESH_TOKEN,
    /**
     * The application's own credentials (Microsoft 365 {@code IMAP.AccessAsApp} for a service
     * principal); needs {@code client-secret-env} or {@code client-secret-file}.
     */
    CLIENT_CREDENTIALS,
    /**
     * A signed JWT assertion (RFC 7523), e.g. a Google service account with domain-wide delegation
     * impersonating the mailbox; needs {@code private-key-env} or {@code private-key-file}.
     */
    JWT_BEARER;

    /** As written in a job definition: {@code refresh-token}. */
    public String setting() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
