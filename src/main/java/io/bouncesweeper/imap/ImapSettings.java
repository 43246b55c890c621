package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.oauth.AccessTokens;

import java.time.Duration;

/**
 * What it takes to reach one mailbox; decoupled from Spring's property binding.
 *
 * @param oauth2   where the OAuth2 access tokens come from (OAUTHBEARER or XOAUTH2), or null to log in
 *                 with {@code password}
 * @param compress ask for COMPRESS=DEFLATE (RFC 4978) when the server offers it: bounce mail
 *                 shrinks several times, which saves bandwidth and most of the client's TLS work
 * @param allowPlainExpunge on a server without MOVE and UIDPLUS, archive with COPY and a plain
 *                 EXPUNGE ({@link ArchivePath#COPY_AND_PLAIN_EXPUNGE}); else such a server is refused
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
        AccessTokens oauth2,
        boolean compress,
        boolean allowPlainExpunge) {

    /** Password login, compression when offered. */
    public ImapSettings(String host, int port, String user, String password, ImapSecurity security, String trustStore,
                        String trustStorePassword, Duration connectTimeout, Duration readTimeout) {
        this(host, port, user, password, security, trustStore, trustStorePassword, connectTimeout, readTimeout, null);
    }

    /** Compression when offered. */
    public ImapSettings(String host, int port, String user, String password, ImapSecurity security, String trustStore,
                        String trustStorePassword, Duration connectTimeout, Duration readTimeout, AccessTokens oauth2) {
        this(host, port, user, password, security, trustStore, trustStorePassword, connectTimeout, readTimeout, oauth2, true,
                false);
    }

    /** The same account without compression. */
    public ImapSettings withoutCompression() {
        return new ImapSettings(host, port, user, password, security, trustStore, trustStorePassword, connectTimeout,
                readTimeout, oauth2, false, allowPlainExpunge);
    }

    @Override
    public String toString() {
        return security + "://" + user + "@" + host + ":" + port + (oauth2 != null ? " (OAuth2 " + oauth2 + ")" : "");
    }
}
