package io.bouncesweeper.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * An OAuth2 grant the job runs itself to log in to one account by OAUTHBEARER or XOAUTH2: under
 * {@code bounce-sweeper.imap.oauth2} for the default account ({@code bounce-sweeper.imap.auth=OAUTH2}),
 * or as a mailbox entry's {@code oauth2:} block. Secrets are never written here: each names the
 * environment variable ({@code *-env}) or the file ({@code *-file}, e.g. a mounted Kubernetes
 * Secret, read at each token request so a rotated Secret is picked up) that holds it.
 *
 * @param tokenEndpoint  the authorization server's token endpoint; https, or http to a loopback address
 * @param clientId       the application (client) id; for {@link OAuth2Grant#JWT_BEARER} the assertion's
 *                       issuer (a Google service account's e-mail address)
 * @param subject        JWT bearer: whom the assertion speaks for (the mailbox a service account
 *                       impersonates); default the account's IMAP user
 * @param audience       JWT bearer: the assertion's audience; default the token endpoint
 * @param privateKeyId   JWT bearer: the signing key's id ({@code kid}; a Google key file's private_key_id)
 * @param scope          space-separated scopes, e.g. {@code https://outlook.office365.com/.default}
 *                       or {@code https://mail.google.com/}
 * @param refreshBefore  a cached token is replaced this long before it expires
 * @param timeout        connect and read timeout of one token request
 */
public record OAuth2Settings(
        @NotNull OAuth2Grant grant,
        @NotNull URI tokenEndpoint,
        @NotBlank String clientId,
        String clientSecretEnv,
        String clientSecretFile,
        String refreshTokenEnv,
        String refreshTokenFile,
        String privateKeyEnv,
        String privateKeyFile,
        String privateKeyId,
        String subject,
        String audience,
        String scope,
        @NotNull @DefaultValue("60s") Duration refreshBefore,
        @NotNull @DefaultValue("30s") Duration timeout) {

    @AssertTrue(message = "token-endpoint must be an https URL (http only to a loopback address, for tests)")
    public boolean isTokenEndpointSafe() {
        if (tokenEndpoint == null) {
            return true;
        }
        String scheme = tokenEndpoint.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return tokenEndpoint.getHost() != null;
        }
        return "http".equalsIgnoreCase(scheme) && isLoopback(tokenEndpoint.getHost());
    }

    @AssertTrue(message = "client-secret-env and client-secret-file: set at most one, and one for grant client-credentials")
    public boolean isClientSecretGiven() {
        int given = count(clientSecretEnv, clientSecretFile);
        return given <= 1 && (grant != OAuth2Grant.CLIENT_CREDENTIALS || given == 1);
    }

    @AssertTrue(message = "refresh-token-env and refresh-token-file: grant refresh-token needs exactly one, other grants none")
    public boolean isRefreshTokenGiven() {
        int given = count(refreshTokenEnv, refreshTokenFile);
        return grant == OAuth2Grant.REFRESH_TOKEN ? given == 1 : given == 0;
    }

    @AssertTrue(message = "private-key-env and private-key-file: grant jwt-bearer needs exactly one, other grants none")
    public boolean isPrivateKeyGiven() {
        int given = count(privateKeyEnv, privateKeyFile);
        return grant == OAuth2Grant.JWT_BEARER ? given == 1 : given == 0;
    }

    @AssertTrue(message = "refresh-before must be between 0 and 10 minutes, timeout between 1 second and 5 minutes")
    public boolean isTimingSensible() {
        return (refreshBefore == null || !refreshBefore.isNegative() && refreshBefore.compareTo(Duration.ofMinutes(10)) <= 0)
                && (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) >= 0 && timeout.compareTo(Duration.ofMinutes(5)) <= 0);
    }

    private static int count(String... values) {
        int n = 0;
        for (String v : values) {
            n += v == null || v.isBlank() ? 0 : 1;
        }
        return n;
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literal addresses: no lookup of a name at validation time
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Names the grant and endpoint only: the secrets' sources are not secret, but not needed either. */
    @Override
    public String toString() {
        return grant.setting() + " grant at " + tokenEndpoint + " (client " + clientId + ")";
    }
}
