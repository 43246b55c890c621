package io.bouncesweeper.imap.sasl;

import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import java.nio.charset.StandardCharsets;

/**
 * The client side of the two bearer-token SASL mechanisms: OAUTHBEARER (RFC 7628 §3.1, a GS2 header
 * then key/value pairs separated by ^A) and Google's and Microsoft's XOAUTH2 (user and auth pairs,
 * same separator). Both send everything in the initial response. A server that refuses the token
 * answers with a continuation carrying a JSON error; the client must then reply (RFC 7628 §3.2.3:
 * a single ^A; XOAUTH2: an empty line) so that the server ends the exchange with a tagged NO.
 */
final class BearerSaslClient implements SaslClient {
    static final String OAUTHBEARER = "OAUTHBEARER";
    static final String XOAUTH2 = "XOAUTH2";
    private static final char SEPARATOR = '\u0001';

    private final String mechanism;
    private final String user;
    private final char[] token;
    private final String host;
    private final int port;
    private boolean initialSent;
    private boolean complete;

    BearerSaslClient(String mechanism, String user, char[] token, String host, int port) {
        this.mechanism = mechanism;
        this.user = user;
        this.token = token;
        this.host = host;
        this.port = port;
    }

    /** The initial client response, as RFC 7628 §3.1 and Google's XOAUTH2 description lay it out. */
    byte[] initialResponse() {
        StringBuilder sb = new StringBuilder();
        if (OAUTHBEARER.equals(mechanism)) {
            sb.append("n,a=").append(saslName(user)).append(',').append(SEPARATOR);
            if (host != null) {
                sb.append("host=").append(host).append(SEPARATOR);
            }
            if (port > 0) {
                sb.append("port=").append(port).append(SEPARATOR);
            }
        } else {
            sb.append("user=").append(user).append(SEPARATOR);
        }
        sb.append("auth=Bearer ").append(token).append(SEPARATOR).append(SEPARATOR);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5801 §4 saslname: ',' and '=' escaped. */
    private static String saslName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    @Override
    public String getMechanismName() {
        return mechanism;
    }

    @Override
    public boolean hasInitialResponse() {
        return true;
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
        if (!initialSent) {
            initialSent = true;
            return initialResponse();
        }
        // the server's error (JSON: status, scope, openid-configuration): acknowledge so it can send NO
        complete = true;
        return OAUTHBEARER.equals(mechanism) ? new byte[]{SEPARATOR} : new byte[0];
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
        throw new IllegalStateException(mechanism + " negotiates no security layer");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
        throw new IllegalStateException(mechanism + " negotiates no security layer");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        return null;
    }

    @Override
    public void dispose() {
        java.util.Arrays.fill(token, '\0');
    }

    @Override
    public String toString() {
        return mechanism + " for " + user; // never the token
    }
}
