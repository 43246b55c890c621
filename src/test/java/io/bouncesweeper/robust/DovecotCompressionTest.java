package io.bouncesweeper.robust;

import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSession;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMPRESS=DEFLATE (RFC 4978) against a real Dovecot that offers it (imap_zlib, as services.sh
 * configures it): the job asks for it after login, reads and archives every message once through
 * the compressed stream, and no command after COMPRESS crosses the wire as readable text. The
 * job talks plain IMAP through a relay that records what it sends; the switch-off is checked the
 * same way.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class DovecotCompressionTest extends RelayedDovecotJobTest {
    private static RelayedDovecot server;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (server == null) {
            server = RelayedDovecot.start(() -> PrivateDovecot.startWithCompression("compress"));
        }
        server.register(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    RelayedDovecot server() {
        return server;
    }

    @Test
    void theJobSweepsEverythingOverACompressedConnection() throws Exception {
        int before = server.clientTraffic().length();

        new SweepScenarios(mailbox, launcher, jdbc).sweepAllFixtures();

        String sent = server.clientTraffic().substring(before);
        assertThat(sent).contains("COMPRESS DEFLATE");
        assertThat(sent.substring(sent.indexOf("COMPRESS DEFLATE")))
                .as("after COMPRESS every command is deflated").doesNotContain("UID FETCH").doesNotContain("UID MOVE");
    }

    @Test
    void compressionCanBeSwitchedOff() throws Exception {
        TestMailbox viaRelay = server.viaRelay();
        int before = server.clientTraffic().length();

        try (ImapSession session = new ImapConnector(viaRelay.connector().settings().withoutCompression()).open("INBOX")) {
            session.searchUids(0, "");
        }

        String sent = server.clientTraffic().substring(before);
        assertThat(sent).doesNotContain("COMPRESS").contains("UID SEARCH");
    }
}
