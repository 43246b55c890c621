package io.bouncesweeper.config;

/** How the job logs in to IMAP. */
public enum ImapAuth {
    /** LOGIN / AUTHENTICATE PLAIN with {@code bounce-sweeper.imap.password}. */
    PASSWORD,
    /**
     * SASL XOAUTH2 (Gmail, Microsoft 365) with an OAuth2 access token from
     * {@code bounce-sweeper.imap.token}, {@code token-file} or {@code token-command}.
     */
    XOAUTH2
}
