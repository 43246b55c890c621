package io.bouncesweeper.imap.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bouncesweeper.config.OAuth2Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The RS256-signed assertion of the JWT-bearer grant (RFC 7523 §3): issuer the client id (a Google
 * service account's e-mail address), subject the impersonated mailbox, audience the token endpoint,
 * the scopes as Google expects them in a {@code scope} claim, valid for {@link #LIFETIME}. The key is
 * a PEM PKCS#8 RSA private key, or a Google service-account key file (JSON with private_key and
 * private_key_id) as downloaded.
 */
final class JwtAssertion {
    /** Google accepts at most one hour. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final OAuth2Settings settings;
    private final Secret key;
    private final String subject;
    private final Clock clock;

    JwtAssertion(OAuth2Settings settings, Secret key, String subject, Clock clock) {
        this.settings = settings;
        this.key = key;
        this.subject = subject;
        this.clock = clock;
    }

    void checkKey() {
        parse(key.value());
    }

    SignedJWT sign() {
        ParsedKey parsed = parse(key.value());
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.clientId())
                .subject(subject)
                .audience(settings.audience() != null && !settings.audience().isBlank() ? settings.audience()
                        : settings.tokenEndpoint().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        if (settings.scope() != null && !settings.scope().isBlank()) {
            claims.claim("scope", settings.scope());
        }
        String kid = settings.privateKeyId() != null && !settings.privateKeyId().isBlank() ? settings.privateKeyId()
                : parsed.keyId();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(parsed.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the JWT assertion with " + key + ": " + e.getMessage(), e);
        }
        return jwt;
    }

    private record ParsedKey(PrivateKey key, String keyId) {
    }

    private ParsedKey parse(String text) {
        String pem = text;
        String keyId = null;
        if (text.startsWith("{")) {
            try {
                JsonNode json = JsonMapper.shared().readTree(text);
                pem = json.path("private_key").asString("");
                keyId = json.path("private_key_id").asString(null);
            } catch (RuntimeException e) {
                throw new IllegalStateException(key + " is not a readable service-account key file ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return new ParsedKey(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)), keyId);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // the exception's text is not shown: it might quote key material
            throw new IllegalStateException(key + " is not a PEM PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----) "
                    + "nor a service-account key file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
