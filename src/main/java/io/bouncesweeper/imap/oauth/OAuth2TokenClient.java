package io.bouncesweeper.imap.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.bouncesweeper.config.OAuth2Grant;
import io.bouncesweeper.config.OAuth2Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Runs one account's OAuth2 grant against its token endpoint (Nimbus OAuth 2.0 SDK: the request,
 * the client authentication, the response and its errors) and caches the access token until
 * {@code refresh-before} ahead of its expiry. Shared by every connection of the account, so a run
 * with many connections asks once per token lifetime. A refresh token the endpoint rotates is kept
 * (in memory) for the next refresh. Messages name the account and the endpoint, never a secret.
 */
public final class OAuth2TokenClient implements AccessTokens {
    private static final Logger log = LoggerFactory.getLogger(OAuth2TokenClient.class);
    /** When the endpoint does not say how long a token lives (expires_in is optional, RFC 6749 §5.1). */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

    private final OAuth2Settings settings;
    private final String account;
    private final String setting;
    private final Secret clientSecret;
    private final Secret refreshTokenSecret;
    private final JwtAssertion assertion;
    private final Clock clock;

    private String cached;
    private Instant renewAt = Instant.MIN;
    private String rotatedRefreshToken;

    /**
     * @param setting     where the block was configured, e.g. {@code mailboxes[1].oauth2}, for messages
     * @param account     the IMAP account ({@code user@host}), for messages and the JWT subject's default
     * @param user        the IMAP user, the JWT bearer subject unless {@code subject} is set
     */
    public OAuth2TokenClient(OAuth2Settings settings, String setting, String account, String user,
                             Function<String, String> environment, Clock clock) {
        this.settings = settings;
        this.account = account;
        this.setting = setting;
        this.clock = clock;
        this.clientSecret = Secret.of(setting + ".client-secret", settings.clientSecretEnv(), settings.clientSecretFile(),
                environment);
        this.refreshTokenSecret = Secret.of(setting + ".refresh-token", settings.refreshTokenEnv(),
                settings.refreshTokenFile(), environment);
        Secret key = Secret.of(setting + ".private-key", settings.privateKeyEnv(), settings.privateKeyFile(), environment);
        this.assertion = key == null ? null : new JwtAssertion(settings, key,
                settings.subject() != null && !settings.subject().isBlank() ? settings.subject() : user, clock);
    }

    /** Reads each secret once, so a missing variable or file fails at start naming its setting. */
    public void checkSecrets() {
        for (Secret s : new Secret[]{clientSecret, refreshTokenSecret}) {
            if (s != null) {
                s.value();
            }
        }
        if (assertion != null) {
            assertion.checkKey();
        }
    }

    @Override
    public synchronized String token() {
        if (cached != null && clock.instant().isBefore(renewAt)) {
            return cached;
        }
        Tokens tokens = request();
        AccessToken access = tokens.getAccessToken();
        Duration lifetime = access.getLifetime() > 0 ? Duration.ofSeconds(access.getLifetime()) : UNKNOWN_LIFETIME;
        // a token living shorter than refresh-before is still used once rather than never
        Duration early = settings.refreshBefore().compareTo(lifetime) < 0 ? settings.refreshBefore() : Duration.ZERO;
        cached = access.getValue();
        renewAt = clock.instant().plus(lifetime).minus(early);
        RefreshToken rotated = tokens.getRefreshToken();
        if (settings.grant() == OAuth2Grant.REFRESH_TOKEN && rotated != null) {
            rotatedRefreshToken = rotated.getValue();
        }
        log.debug("{}: new access token from {} for {} s", account, settings.tokenEndpoint(), lifetime.toSeconds());
        return cached;
    }

    @Override
    public synchronized void refused(String token) {
        if (token != null && token.equals(cached)) {
            cached = null;
        }
    }

    private Tokens request() {
        String refreshToken = null;
        String secret = clientSecret == null ? null : clientSecret.value();
        AuthorizationGrant grant = switch (settings.grant()) {
            case REFRESH_TOKEN -> {
                refreshToken = rotatedRefreshToken != null ? rotatedRefreshToken : refreshTokenSecret.value();
                yield new RefreshTokenGrant(new RefreshToken(refreshToken));
            }
            case CLIENT_CREDENTIALS -> new ClientCredentialsGrant();
            case JWT_BEARER -> new JWTBearerGrant(assertion.sign());
        };
        Scope scope = settings.scope() == null || settings.scope().isBlank() ? null : Scope.parse(settings.scope());
        ClientID clientId = new ClientID(settings.clientId());
        TokenRequest request = secret != null
                ? new TokenRequest.Builder(settings.tokenEndpoint(), (ClientAuthentication) new ClientSecretPost(clientId,
                new com.nimbusds.oauth2.sdk.auth.Secret(secret)), grant).scope(scope).build()
                : new TokenRequest.Builder(settings.tokenEndpoint(), clientId, grant).scope(scope).build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) settings.timeout().toMillis());
        http.setReadTimeout((int) settings.timeout().toMillis());
        TokenResponse response;
        try {
            response = TokenResponse.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot get an OAuth2 access token for " + account + " from token endpoint "
                    + settings.tokenEndpoint() + ": " + e.getClass().getSimpleName()
                    + masked(e.getMessage(), secret, refreshToken), e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            String message = "token endpoint " + settings.tokenEndpoint() + " refused the " + settings.grant().setting()
                    + " grant of " + account + " (" + setting + "): " + error.getCode()
                    + masked(error.getDescription(), secret, refreshToken) + " (HTTP " + error.getHTTPStatusCode() + ")";
            if (error.getHTTPStatusCode() >= 500) {
                throw new IllegalStateException(message); // may pass: the run's retries deal with it
            }
            throw new TokenEndpointRefusal(message + "; renew the credentials it names");
        }
        return response.toSuccessResponse().getTokens();
    }

    /** Server text, with any secret it might echo blanked out. */
    private static String masked(String text, String... secrets) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String result = text;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                result = result.replace(s, "****");
            }
        }
        return ": " + result;
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
