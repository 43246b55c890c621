package io.bouncesweeper.robust;

import com.sun.net.httpserver.HttpServer;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.imap.TokenSource;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XOAUTH2 against a real Dovecot whose oauth2 passdb asks a token-introspection endpoint (JDK
 * HttpServer on loopback, run by this test) whether a bearer token is active and whose it is.
 * The token comes from configuration, a file or a command; a wrong token is refused; a whole job
 * run with XOAUTH2 never prints the token.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@ExtendWith(OutputCaptureExtension.class)
class XOAuth2DovecotTest {
    static final String TOKEN = "ya29.a0-test-access-token-6c1f0e4b";
    static final String WRONG_TOKEN = "ya29.a0-expired-token-93d2aa71";

    static HttpServer introspection;
    static final AtomicInteger introspections = new AtomicInteger();
    static PrivateDovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        introspection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        introspection.createContext("/introspect", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = null;
            for (String pair : body.split("&")) {
                if (pair.startsWith("token=")) {
                    token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (token == null && auth != null && auth.startsWith("Bearer ")) {
                token = auth.substring(7);
            }
            introspections.incrementAndGet();
            String json = TOKEN.equals(token)
                    ? "{\"active\":\"true\",\"username\":\"" + PrivateDovecot.USER + "\",\"scope\":\"mail\"}"
                    : "{\"active\":\"false\"}";
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        introspection.start();
        dovecot = PrivateDovecot.start("xoauth2",
                "http://127.0.0.1:" + introspection.getAddress().getPort() + "/introspect");
    }

    @AfterAll
    static void stop() {
        if (dovecot != null) {
            dovecot.close();
        }
        if (introspection != null) {
            introspection.stop(0);
        }
    }

    static ImapConnector connector(TokenSource tokens) {
        return new ImapConnector(new ImapSettings("127.0.0.1", dovecot.imapsPort(), PrivateDovecot.USER, null,
                ImapSecurity.IMAPS, dovecot.cert(), null, Duration.ofSeconds(10), Duration.ofSeconds(30), tokens));
    }

    static void assertLogsIn(TokenSource tokens) throws Exception {
        int before = introspections.get();
        try (var session = connector(tokens).open("INBOX")) {
            assertThat(session.uidValidity()).isPositive();
        }
        assertThat(introspections.get()).as("Dovecot asked the introspection endpoint").isGreaterThan(before);
    }

    @Test
    void tokenFromConfiguration() throws Exception {
        assertLogsIn(TokenSource.of(TOKEN, null, null));
    }

    @Test
    void tokenFromAFileReadAtEachConnect() throws Exception {
        Path file = Files.createTempFile("token", ".txt");
        Files.writeString(file, WRONG_TOKEN + "\n");
        TokenSource tokens = TokenSource.of(null, file.toString(), null);
        assertThatThrownBy(() -> connector(tokens).connect().close()).isInstanceOf(MessagingException.class);
        Files.writeString(file, "  " + TOKEN + "\n"); // renewed by a sidecar
        assertLogsIn(tokens);
    }

    @Test
    void tokenFromACommandTrimmed() throws Exception {
        assertLogsIn(TokenSource.of(null, null, "printf '%s\\n' '" + TOKEN + "'"));
    }

    @Test
    void aFailingCommandIsNamedWithoutItsOutput() {
        TokenSource tokens = TokenSource.of(null, null, "echo " + TOKEN + "; exit 3");
        assertThatThrownBy(() -> connector(tokens).connect())
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("token-command")
                .hasMessageContaining("exited with 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void aWrongTokenIsRefusedAndNotShown() {
        assertThatThrownBy(() -> connector(TokenSource.of(WRONG_TOKEN, null, null)).connect())
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(e.toString()).contains("cannot log in").doesNotContain(WRONG_TOKEN));
    }

    @Test
    void theWholeJobRunsWithXOAuth2AndNeverPrintsTheToken(CapturedOutput output) throws Exception {
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        dovecot.imaps().append("INBOX", fixtures);
        Path tokenFile = Files.createTempFile("token", ".txt");
        Files.writeString(tokenFile, TOKEN);
        TestDatabase db = TestDatabase.get();
        String[] args = {
                "--bounce-sweeper.job-file=does-not-exist.yml",
                "--bounce-sweeper.imap.host=127.0.0.1",
                "--bounce-sweeper.imap.port=" + dovecot.imapsPort(),
                "--bounce-sweeper.imap.security=IMAPS",
                "--bounce-sweeper.imap.trust-store=" + dovecot.cert(),
                "--bounce-sweeper.imap.user=" + PrivateDovecot.USER,
                "--bounce-sweeper.imap.auth=XOAUTH2",
                "--bounce-sweeper.imap.token-file=" + tokenFile,
                "--bounce-sweeper.db.url=" + db.url(),
                "--bounce-sweeper.db.user=" + db.user(),
                "--bounce-sweeper.db.password=" + db.password(),
                "--logging.level.io.bouncesweeper=DEBUG",
        };
        int exit;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BounceSweeperApplication.class).run(args)) {
            exit = SpringApplication.exit(context);
        }

        assertThat(exit).isZero();
        assertThat(dovecot.imaps().count("INBOX")).isZero();
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        SecretsNeverLeakTest.assertNoSecretIn(output.getAll(), TOKEN);
        assertThat(Files.readString(dovecot.log())).as("Dovecot's own log").doesNotContain(TOKEN);
    }
}
