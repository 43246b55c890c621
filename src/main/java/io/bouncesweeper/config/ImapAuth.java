package io.bouncesweeper.config;

/** How the job logs in to IMAP. */
public enum ImapAuth {
    /** LOGIN / AUTHENTICATE PLAIN with {@code bounce-sweeper.imap.password}. */
    PASSWORD,
    /**
     * SASL XOAUTH2 (Gmail, Microsoft 365) with an OAuth2 access token from
     * {@code bounce-sweeper.imap.token}, {@code token-file} or {@code token-command}.
     */
    XOAUTH2,
    /**
     * OAUTHBEARER (RFC 7628) or XOAUTH2, whichever the server offers, with access tokens the job
     * obtains itself by the grant in {@code bounce-sweeper.imap.oauth2} ({@link OAuth2Settings}),
     * cached until shortly before they expire.
     */
    OAUTH2
}
