package io.bouncesweeper.imap.oauth;

import com.nimbusds.jwt.SignedJWT;
import io.bouncesweeper.config.OAuth2Grant;
import io.bouncesweeper.config.OAuth2Settings;
import io.bouncesweeper.support.AuthorizationServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each grant against a real authorization server (mock-oauth2-server in this JVM): the token is for
 * the right user, it is cached until shortly before it expires, a refused token is replaced, and a
 * refused grant names the account and the endpoint but no secret.
 */
class OAuth2TokenClientTest {
    static AuthorizationServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new AuthorizationServer("alerts");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static OAuth2Settings refreshTokenGrant() {
        return new OAuth2Settings(OAuth2Grant.REFRESH_TOKEN, server.tokenEndpoint(AuthorizationServer.GMAIL),
                AuthorizationServer.GMAIL_CLIENT, "CLIENT_SECRET", null, "REFRESH_TOKEN", null, null, null, null, null,
                null, "https://mail.google.com/", Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    static OAuth2Settings clientCredentialsGrant() {
        return new OAuth2Settings(OAuth2Grant.CLIENT_CREDENTIALS, server.tokenEndpoint(AuthorizationServer.M365),
                AuthorizationServer.M365_CLIENT, "CLIENT_SECRET", null, null, null, null, null, null, null, null,
                "https://outlook.office365.com/.default", Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    static OAuth2Settings jwtBearerGrant() {
        return new OAuth2Settings(OAuth2Grant.JWT_BEARER, server.tokenEndpoint(AuthorizationServer.GOOGLE),
                AuthorizationServer.SERVICE_ACCOUNT, null, null, null, null, "PRIVATE_KEY", null,
                server.serviceAccountKeyId(), null, null, "https://mail.google.com/", Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    static String username(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(AuthorizationServer.USERNAME_CLAIM);
    }

    @Test
    void refreshTokenGrant_tokenForTheConsentingUserCachedUntilShortlyBeforeExpiry() throws Exception {
        String refresh = server.newRefreshToken("bounces");
        MutableClock clock = new MutableClock();
        OAuth2TokenClient client = new OAuth2TokenClient(refreshTokenGrant(), "mailboxes[0].oauth2", "bounces@imap.test",
                "bounces", Map.of("CLIENT_SECRET", AuthorizationServer.GMAIL_CLIENT_SECRET, "REFRESH_TOKEN", refresh)::get,
                clock);
        int before = server.issued(AuthorizationServer.GMAIL);

        String first = client.token();
        assertThat(username(first)).isEqualTo("bounces");
        assertThat(client.token()).as("cached").isSameAs(first);
        clock.advance(Duration.ofSeconds(3600 - 75));
        assertThat(client.token()).as("still more than refresh-before from expiry").isSameAs(first);
        clock.advance(Duration.ofSeconds(20));
        String second = client.token();
        assertThat(second).as("renewed shortly before expiry").isNotEqualTo(first);
        assertThat(server.issued(AuthorizationServer.GMAIL) - before).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsReplacedAtTheNextRequest() throws Exception {
        String refresh = server.newRefreshToken("bounces");
        OAuth2TokenClient client = new OAuth2TokenClient(refreshTokenGrant(), "x", "bounces@imap.test", "bounces",
                Map.of("CLIENT_SECRET", AuthorizationServer.GMAIL_CLIENT_SECRET, "REFRESH_TOKEN", refresh)::get,
                Clock.systemUTC());
        String first = client.token();
        client.refused("some other token");
        assertThat(client.token()).isSameAs(first);
        client.refused(first);
        assertThat(client.token()).isNotEqualTo(first);
    }

    @Test
    void clientCredentialsGrant_tokenForTheServicePrincipalsMailbox() throws Exception {
        OAuth2TokenClient client = new OAuth2TokenClient(clientCredentialsGrant(), "x", "alerts@imap.test", "alerts",
                Map.of("CLIENT_SECRET", AuthorizationServer.M365_CLIENT_SECRET)::get, Clock.systemUTC());
        assertThat(username(client.token())).isEqualTo("alerts");
    }

    @Test
    void jwtBearerGrant_signedAssertionImpersonatesTheImapUser() throws Exception {
        OAuth2TokenClient client = new OAuth2TokenClient(jwtBearerGrant(), "x", "bounces@imap.test", "bounces",
                Map.of("PRIVATE_KEY", server.serviceAccountPrivateKeyPem())::get, Clock.systemUTC());
        assertThat(username(client.token())).isEqualTo("bounces");
    }

    @Test
    void aRevokedRefreshTokenIsARefusalNamingAccountAndEndpointButNoSecret() {
        String refresh = server.newRefreshToken("bounces");
        server.revoke(refresh);
        OAuth2TokenClient client = new OAuth2TokenClient(refreshTokenGrant(), "mailboxes[2].oauth2", "bounces@imap.test",
                "bounces", Map.of("CLIENT_SECRET", AuthorizationServer.GMAIL_CLIENT_SECRET, "REFRESH_TOKEN", refresh)::get,
                Clock.systemUTC());
        assertThatThrownBy(client::token)
                .isInstanceOf(TokenEndpointRefusal.class)
                .hasMessageContaining("bounces@imap.test")
                .hasMessageContaining(server.tokenEndpoint(AuthorizationServer.GMAIL).toString())
                .hasMessageContaining("mailboxes[2].oauth2")
                .hasMessageContaining("invalid_grant")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(refresh)
                        .doesNotContain(AuthorizationServer.GMAIL_CLIENT_SECRET));
    }

    @Test
    void aWrongClientSecretIsARefusalWithoutTheSecret() {
        OAuth2TokenClient client = new OAuth2TokenClient(clientCredentialsGrant(), "x", "alerts@imap.test", "alerts",
                Map.of("CLIENT_SECRET", "wrong-secret-0c9d")::get, Clock.systemUTC());
        assertThatThrownBy(client::token).isInstanceOf(TokenEndpointRefusal.class)
                .hasMessageContaining("invalid_client")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-0c9d"));
    }

    @Test
    void aMissingSecretIsNamedBySettingAndVariable() {
        OAuth2TokenClient client = new OAuth2TokenClient(clientCredentialsGrant(), "mailboxes[1].oauth2", "alerts@imap.test",
                "alerts", Map.<String, String>of()::get, Clock.systemUTC());
        assertThatThrownBy(client::checkSecrets).hasMessageContaining("mailboxes[1].oauth2.client-secret-env")
                .hasMessageContaining("CLIENT_SECRET");
    }

    @Test
    void anUnreachableEndpointMayPassAndIsNoRefusal() {
        OAuth2Settings s = clientCredentialsGrant();
        OAuth2Settings unreachable = new OAuth2Settings(s.grant(), URI.create("http://127.0.0.1:1/token"), s.clientId(),
                s.clientSecretEnv(), null, null, null, null, null, null, null, null, s.scope(), s.refreshBefore(),
                Duration.ofSeconds(2));
        OAuth2TokenClient client = new OAuth2TokenClient(unreachable, "x", "alerts@imap.test", "alerts",
                Map.of("CLIENT_SECRET", AuthorizationServer.M365_CLIENT_SECRET)::get, Clock.systemUTC());
        assertThatThrownBy(client::token).isNotInstanceOf(TokenEndpointRefusal.class)
                .hasMessageContaining("cannot get an OAuth2 access token for alerts@imap.test from token endpoint");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
