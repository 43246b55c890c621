package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;

import java.time.Duration;

/**
 * What it takes to reach one mailbox; decoupled from Spring's property binding.
 *
 * @param oauth2 the XOAUTH2 token source, or null to log in with {@code password}
 */
public record ImapSettings(
        String host,
        int port,
        String user,
        String password,
        ImapSecurity security,
        String trustStore,
        String trustStorePassword,
        Duration connectTimeout,
        Duration readTimeout,
        TokenSource oauth2) {

    /** Password login. */
    public ImapSettings(String host, int port, String user, String password, ImapSecurity security, String trustStore,
                        String trustStorePassword, Duration connectTimeout, Duration readTimeout) {
        this(host, port, user, password, security, trustStore, trustStorePassword, connectTimeout, readTimeout, null);
    }

    @Override
    public String toString() {
        return security + "://" + user + "@" + host + ":" + port + (oauth2 != null ? " (XOAUTH2)" : "");
    }
}
