package io.bouncesweeper.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

import java.net.InetAddress;
import java.net.URI;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OAuth2 authorization server in the test JVM (navikt's mock-oauth2-server: token endpoint,
 * JWKS, RS256-signed JWT access tokens) with one issuer per grant the job runs, each checking what a
 * real provider checks before it issues a token:
 * <ul>
 *   <li>{@value #GMAIL}: refresh-token grant, a known refresh token (a revoked one gets
 *       {@code invalid_grant}), like a Gmail user account;</li>
 *   <li>{@value #M365}: client-credentials grant, the client secret must match, like a Microsoft 365
 *       service principal with IMAP.AccessAsApp;</li>
 *   <li>{@value #GOOGLE}: JWT-bearer grant, the assertion must be signed by the service account's key,
 *       issued by it and addressed to this endpoint, like a Google service account with domain-wide
 *       delegation; the token is for the assertion's subject.</li>
 * </ul>
 * Each access token carries the IMAP user in a {@value #USERNAME_CLAIM} claim, which Dovecot's
 * oauth2 passdb compares with the login name.
 */
public final class AuthorizationServer implements AutoCloseable {
    public static final String GMAIL = "gmail";
    public static final String M365 = "m365";
    public static final String GOOGLE = "google";
    public static final String USERNAME_CLAIM = "username";

    public static final String GMAIL_CLIENT = "gmail-client-7f3a";
    public static final String GMAIL_CLIENT_SECRET = "gmail-client-secret-4b1e99";
    public static final String M365_CLIENT = "m365-app-51c2";
    public static final String M365_CLIENT_SECRET = "m365-client-secret-8d0a77";
    public static final String SERVICE_ACCOUNT = "sweeper@bounce-project.iam.gserviceaccount.com";

    private final MockOAuth2Server server;
    private final RSAKey serviceAccountKey;
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    private volatile long lifetimeSeconds = 3600;
    private final String m365User;

    /** @param m365User the mailbox the service principal's token is for */
    public AuthorizationServer(String m365User) throws JOSEException {
        this.m365User = m365User;
        this.serviceAccountKey = new RSAKeyGenerator(2048).keyID("sa-key-1").generate();
        OAuth2Config config = new OAuth2Config(false, null, null, false,
                new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(),
                Set.of(new Issuer(GMAIL), new Issuer(M365), new Issuer(GOOGLE)));
        server = new MockOAuth2Server(config);
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mock-oauth2-server did not start", e);
        }
    }

    /** A refresh token the {@value #GMAIL} issuer honours, for this IMAP user. */
    public String newRefreshToken(String user) {
        String token = "1//0g-refresh-" + java.util.UUID.randomUUID();
        refreshTokens.put(token, user);
        return token;
    }

    /** From now on the token endpoint answers invalid_grant for this refresh token. */
    public void revoke(String refreshToken) {
        revoked.add(refreshToken);
    }

    /** How long access tokens issued from now on live. */
    public void tokenLifetime(long seconds) {
        lifetimeSeconds = seconds;
    }

    public URI tokenEndpoint(String issuer) {
        return server.tokenEndpointUrl(issuer).uri();
    }

    public URI jwksUrl(String issuer) {
        return server.jwksUrl(issuer).uri();
    }

    /** Access tokens issued by one issuer so far. */
    public int issued(String issuer) {
        return issued.computeIfAbsent(issuer, k -> new AtomicInteger()).get();
    }

    /** The service account's private key as Google's key file holds it: PEM PKCS#8. */
    public String serviceAccountPrivateKeyPem() throws JOSEException {
        byte[] der = serviceAccountKey.toPrivateKey().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    public String serviceAccountKeyId() {
        return serviceAccountKey.getKeyID();
    }

    /** The RS256 public keys each issuer signs its access tokens with. */
    public List<RSAKey> signingKeys(String issuer) throws Exception {
        return com.nimbusds.jose.jwk.JWKSet.load(jwksUrl(issuer).toURL()).getKeys().stream()
                .map(k -> (RSAKey) k).toList();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** One issuer: decides whether the grant is good and whose token it issues. */
    private final class Issuer implements OAuth2TokenCallback {
        private final String id;
        private final Set<TokenRequest> seen = java.util.Collections.synchronizedSet(
                java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

        Issuer(String id) {
            this.id = id;
        }

        @Override
        public String issuerId() {
            return id;
        }

        @Override
        public String subject(TokenRequest request) {
            String user = user(request);
            // called for the ID token and the access token of one request: count the request once
            if (seen.add(request)) {
                issued.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            return user;
        }

        private String user(TokenRequest request) {
            AuthorizationGrant grant = request.getAuthorizationGrant();
            switch (id) {
                case GMAIL -> {
                    if (!(grant instanceof RefreshTokenGrant refresh)) {
                        throw refused("this issuer takes refresh tokens");
                    }
                    String token = refresh.getRefreshToken().getValue();
                    String user = refreshTokens.get(token);
                    if (user == null || revoked.contains(token)) {
                        throw refused("Token has been expired or revoked.");
                    }
                    return user;
                }
                case M365 -> {
                    if (!(grant instanceof ClientCredentialsGrant)
                            || !(request.getClientAuthentication() instanceof ClientSecretPost post)
                            || !post.getClientID().getValue().equals(M365_CLIENT)
                            || !post.getClientSecret().getValue().equals(M365_CLIENT_SECRET)) {
                        throw new OAuth2Exception(OAuth2Error.INVALID_CLIENT, "AADSTS7000215: Invalid client secret provided.");
                    }
                    return m365User;
                }
                default -> {
                    if (!(grant instanceof JWTBearerGrant bearer)) {
                        throw refused("this issuer takes JWT assertions");
                    }
                    SignedJWT assertion = (SignedJWT) bearer.getJWTAssertion();
                    try {
                        JWTClaimsSet claims = assertion.getJWTClaimsSet();
                        if (!assertion.verify(new RSASSAVerifier(serviceAccountKey.toRSAPublicKey()))
                                || !SERVICE_ACCOUNT.equals(claims.getIssuer())
                                || !claims.getAudience().contains(tokenEndpoint(GOOGLE).toString())
                                || claims.getExpirationTime().toInstant().isBefore(java.time.Instant.now())
                                || !"https://mail.google.com/".equals(claims.getStringClaim("scope"))) {
                            throw refused("Invalid JWT Signature.");
                        }
                        return claims.getSubject();
                    } catch (ParseException | JOSEException e) {
                        throw refused("Invalid JWT: " + e.getMessage());
                    }
                }
            }
        }

        private OAuth2Exception refused(String description) {
            return new OAuth2Exception(OAuth2Error.INVALID_GRANT, description);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of("imap");
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return Map.of(USERNAME_CLAIM, user(request));
        }

        @Override
        public long tokenExpiry() {
            return lifetimeSeconds;
        }
    }
}
