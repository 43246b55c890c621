package io.bouncesweeper.config;

/** How the IMAP connection is protected. */
public enum ImapSecurity {
    /** TLS from the first byte (port 993). */
    IMAPS(993),
    /** Plain connect, then STARTTLS, which is required: the login never goes out in clear text. */
    STARTTLS(143),
    /** No TLS at all; refused unless {@code bounce-sweeper.imap.allow-plaintext=true}. */
    NONE(143);

    private final int defaultPort;

    ImapSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
