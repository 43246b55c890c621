package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.oauth.AccessTokens;
import io.bouncesweeper.imap.sasl.BearerSaslProvider;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.util.Properties;

/**
 * Opens IMAP connections with safe defaults: TLS with certificate and host-name checks, finite
 * timeouts (Angus Mail's default is to wait forever), no implicit \Seen on fetch, and
 * COMPRESS=DEFLATE where the server offers it (unless switched off). OAuth2 accounts log in by
 * SASL OAUTHBEARER (RFC 7628) where the server offers it, else XOAUTH2; a refused token is
 * replaced by a fresh one once, then the login fails naming the account and the token's source.
 */
public final class ImapConnector {
    private final ImapSettings settings;
    private final Session session;

    public ImapConnector(ImapSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(sessionProperties(settings));
    }

    public ImapSettings settings() {
        return settings;
    }

    /** Connects and logs in; the caller owns the returned store and must close it. */
    public IMAPStore connect() throws MessagingException {
        AccessTokens tokens = settings.oauth2();
        if (tokens == null) {
            return login(settings.password());
        }
        String token = token(tokens);
        try {
            return login(token);
        } catch (AuthenticationFailedException first) {
            // revoked early, or the server's clock is ahead of ours: one fresh token, then give up
            tokens.refused(token);
            String fresh = token(tokens);
            try {
                return login(fresh);
            } catch (AuthenticationFailedException second) {
                tokens.refused(fresh);
                throw new OAuth2LoginRefusedException("the IMAP server refused the OAuth2 access token of "
                        + settings.user() + "@" + settings.host() + " twice, the second one freshly issued by " + tokens
                        + " (" + second.getMessage() + "): check the account's user, the grant's scope and the "
                        + "server's permission for this application", second);
            }
        }
    }

    private String token(AccessTokens tokens) throws MessagingException {
        try {
            return tokens.token();
        } catch (IllegalStateException e) { // no token (endpoint refused or unreachable, file missing): names the source only
            throw new MessagingException("cannot log in to " + settings + ": " + e.getMessage(), e);
        }
    }

    private IMAPStore login(String secret) throws MessagingException {
        IMAPStore store = (IMAPStore) session.getStore(protocol(settings.security()));
        try {
            // OAuth2: the SASL clients (and Angus's own XOAUTH2) take the access token as the password
            store.connect(settings.host(), settings.port(), settings.user(), secret);
        } catch (AuthenticationFailedException e) {
            throw new AuthenticationFailedException("cannot log in to " + settings + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MessagingException("cannot log in to " + settings + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** Both login attempts of an OAuth2 account were refused: no retry helps until an operator acts. */
    public static final class OAuth2LoginRefusedException extends AuthenticationFailedException {
        public OAuth2LoginRefusedException(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** Opens a {@link ImapSession} on one folder for reading and moving by UID. */
    public ImapSession open(String folder) throws MessagingException {
        return ImapSession.open(connect(), folder, settings);
    }

    private static String protocol(ImapSecurity security) {
        return security == ImapSecurity.IMAPS ? "imaps" : "imap";
    }

    static Properties sessionProperties(ImapSettings s) {
        String p = "mail." + protocol(s.security()) + ".";
        Properties props = new Properties();
        props.put(p + "connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
        props.put(p + "timeout", String.valueOf(s.readTimeout().toMillis()));
        props.put(p + "writetimeout", String.valueOf(s.readTimeout().toMillis()));
        props.put(p + "peek", "true");
        // Angus sends COMPRESS DEFLATE after login, and only to a server that advertises it
        props.put(p + "compress.enable", String.valueOf(s.compress()));
        // one IMAP connection is enough: the job only talks to one folder per session
        props.put(p + "connectionpoolsize", "1");
        switch (s.security()) {
            case IMAPS -> props.put(p + "ssl.checkserveridentity", "true");
            case STARTTLS -> {
                props.put(p + "starttls.enable", "true");
                props.put(p + "starttls.required", "true");
                props.put(p + "ssl.checkserveridentity", "true");
            }
            case NONE -> props.put(p + "starttls.enable", "false");
        }
        if (s.oauth2() != null) {
            BearerSaslProvider.install();
            props.put(p + "sasl.enable", "true");
            props.put(p + "sasl.mechanisms", BearerSaslProvider.MECHANISMS);
            // only if SASL finds neither mechanism: Angus's own XOAUTH2, never a password mechanism
            props.put(p + "auth.mechanisms", "XOAUTH2");
            props.put(p + "auth.login.disable", "true");
            props.put(p + "auth.plain.disable", "true");
        }
        if (s.trustStore() != null && !s.trustStore().isBlank() && s.security() != ImapSecurity.NONE) {
            props.put(p + "ssl.socketFactory", TrustStores.socketFactory(s.trustStore(), s.trustStorePassword()));
        }
        return props;
    }
}
