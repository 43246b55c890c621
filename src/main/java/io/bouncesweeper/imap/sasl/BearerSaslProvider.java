package io.bouncesweeper.imap.sasl;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;
import java.io.IOException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;

/**
 * Makes OAUTHBEARER and XOAUTH2 available to {@link javax.security.sasl.Sasl}, which Angus Mail's
 * SASL login ({@code mail.imap.sasl.enable}) asks for a client: the JDK has neither mechanism. Angus
 * hands the user and the "password" (here the access token) through the callback handler. The
 * mechanisms are tried in the order of {@code mail.imap.sasl.mechanisms} among those the server
 * advertises, so OAUTHBEARER wins where both are offered.
 */
public final class BearerSaslProvider extends Provider {
    /** The property value for {@code mail.imap.sasl.mechanisms}: the standard first. */
    public static final String MECHANISMS = BearerSaslClient.OAUTHBEARER + " " + BearerSaslClient.XOAUTH2;
    private static final String NAME = "BounceSweeperBearerSasl";

    private BearerSaslProvider() {
        super(NAME, "1.0", "SASL OAUTHBEARER (RFC 7628) and XOAUTH2 clients");
        Factory factory = new Factory();
        for (String mechanism : new String[]{BearerSaslClient.OAUTHBEARER, BearerSaslClient.XOAUTH2}) {
            putService(new Service(this, "SaslClientFactory", mechanism, Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory;
                }
            });
        }
    }

    /** Registers the provider once per JVM (idempotent). */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new BearerSaslProvider());
        }
    }

    static final class Factory implements SaslClientFactory {
        @Override
        public SaslClient createSaslClient(String[] mechanisms, String authorizationId, String protocol, String serverName,
                                           Map<String, ?> props, CallbackHandler handler) throws SaslException {
            for (String mechanism : mechanisms) {
                if (BearerSaslClient.OAUTHBEARER.equalsIgnoreCase(mechanism) || BearerSaslClient.XOAUTH2.equalsIgnoreCase(mechanism)) {
                    NameCallback name = new NameCallback("user");
                    PasswordCallback token = new PasswordCallback("access token", false);
                    try {
                        handler.handle(new Callback[]{name, token});
                    } catch (IOException | UnsupportedCallbackException e) {
                        throw new SaslException("no user or access token for " + mechanism, e);
                    }
                    char[] value = token.getPassword();
                    token.clearPassword();
                    if (name.getName() == null || value == null) {
                        throw new SaslException("no user or access token for " + mechanism);
                    }
                    return new BearerSaslClient(mechanism.toUpperCase(java.util.Locale.ROOT), name.getName(), value,
                            serverName, -1);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[]{BearerSaslClient.OAUTHBEARER, BearerSaslClient.XOAUTH2};
        }
    }
}
