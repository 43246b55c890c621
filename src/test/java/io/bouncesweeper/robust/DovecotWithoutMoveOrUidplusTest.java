package io.bouncesweeper.robust;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.ArchivePath;
import io.bouncesweeper.imap.ImapPreflight;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.job.SweepOutcome;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Dovecot that advertises neither MOVE nor UIDPLUS. Without
 * {@code bounce-sweeper.imap.allow-plain-expunge} the run is refused before anything is copied; with
 * it, mail is archived by UID COPY + plain EXPUNGE, and a run whose connection is cut right before
 * its EXPUNGE (messages copied and flagged \Deleted, still in INBOX) leaves exactly one archived
 * copy per message once retried: the retry does not copy the flagged messages again.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.use-move=true",
        "bounce-sweeper.imap.allow-plain-expunge=true"})
class DovecotWithoutMoveOrUidplusTest extends RelayedDovecotJobTest {
    private static RelayedDovecot server;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (server == null) {
            server = RelayedDovecot.start(() -> PrivateDovecot.startWithoutMoveAndUidplus("no-move-no-uidplus"));
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
    void theServerOffersNeitherMoveNorUidplus() throws Exception {
        try (IMAPStore store = mailbox.connector().connect()) {
            assertThat(store.hasCapability("MOVE")).isFalse();
            assertThat(store.hasCapability("UIDPLUS")).isFalse();
        }
    }

    @Test
    void withoutTheSettingTheRunIsRefusedAtStartNamingCapabilityAndSetting() throws Exception {
        RawAppend.append(mailbox, "INBOX", SweepScenarios.allFixtures());
        TestMailbox relay = server.viaRelay();
        ImapSettings refused = new ImapSettings(relay.host(), relay.port(), relay.user(), relay.password(),
                ImapSecurity.NONE, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), null, true, false);
        int before = server.clientTraffic().length();

        assertThatThrownBy(() -> ImapPreflight.check(refused, true, true))
                .isInstanceOf(ArchivePath.MissingCapabilityException.class)
                .hasMessageContaining("UIDPLUS")
                .hasMessageContaining("bounce-sweeper.imap.allow-plain-expunge=true")
                .hasMessageContaining("nothing was copied");
        assertThat(server.clientTraffic().substring(before)).doesNotContain("COPY").doesNotContain("STORE");
        assertThat(new SweepScenarios(mailbox, launcher, jdbc).archivedTotal()).isZero();
    }

    @Test
    void aRunCutBeforeItsExpungeAndRetriedArchivesEachMessageOnce() throws Exception {
        // one message, so that no later move's plain EXPUNGE removes the flagged copy before the retry sees it
        List<byte[]> fixtures = SweepScenarios.allFixtures().subList(0, 1);
        RawAppend.append(mailbox, "INBOX", fixtures);
        int before = server.clientTraffic().length();
        server.cutOnceWhenClientSends(" EXPUNGE\r\n");

        launcher.runOnce(); // copied and flagged, then the connection is gone before EXPUNGE reaches the server
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        String commands = server.clientTraffic().substring(before);
        assertThat(commands).contains("UID COPY").contains("+FLAGS.SILENT (\\Deleted)").contains(" EXPUNGE\r\n")
                .doesNotContain("UID MOVE").doesNotContain("UID EXPUNGE");
        assertThat(new SweepScenarios(mailbox, launcher, jdbc).archivedTotal()).as("one archived copy per message")
                .isEqualTo(fixtures.size());
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
    }
}
