package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.util.Properties;

/**
 * Opens IMAP connections with safe defaults: TLS with certificate and host-name checks, finite
 * timeouts (Angus Mail's default is to wait forever), no implicit \Seen on fetch, and
 * COMPRESS=DEFLATE where the server offers it (unless switched off).
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
        IMAPStore store = (IMAPStore) session.getStore(protocol(settings.security()));
        try {
            // XOAUTH2: Angus Mail sends the "password" as the bearer token (mechanisms limited to XOAUTH2 below)
            String secret = settings.oauth2() != null ? settings.oauth2().token() : settings.password();
            store.connect(settings.host(), settings.port(), settings.user(), secret);
        } catch (IllegalStateException e) { // no token (file missing, command failed): the message names the source only
            throw new MessagingException("cannot log in to " + settings + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MessagingException("cannot log in to " + settings + ": " + e.getMessage(), e);
        }
        return store;
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
