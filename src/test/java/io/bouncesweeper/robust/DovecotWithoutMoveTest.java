package io.bouncesweeper.robust;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UID COPY + UID EXPUNGE path on a real Dovecot that does not advertise MOVE (as services.sh's
 * DOVECOT_DISABLE_MOVE=1), with use-move left on: the job must see the capability is missing and
 * fall back, archive every message once, and expunge only the UIDs it moved, never another client's
 * \Deleted mail. The job talks plain IMAP through a relay that records its commands, the proof of
 * which path was taken (Dovecot would accept a MOVE it does not advertise).
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.use-move=true"})
class DovecotWithoutMoveTest extends RelayedDovecotJobTest {
    private static RelayedDovecot server;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (server == null) {
            server = RelayedDovecot.start(() -> PrivateDovecot.startWithoutMove("no-move"));
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
    void theServerOffersUidExpungeButNotMove() throws Exception {
        try (IMAPStore store = mailbox.connector().connect()) {
            assertThat(store.hasCapability("MOVE")).isFalse();
            assertThat(store.hasCapability("UIDPLUS")).isTrue();
        }
    }

    @Test
    void everyMessageIsArchivedOnceWithCopyAndUidExpunge() throws Exception {
        int before = server.clientTraffic().length();

        new SweepScenarios(mailbox, launcher, jdbc).sweepAllFixtures();

        String commands = server.clientTraffic().substring(before);
        assertThat(commands).contains("UID COPY").contains("+FLAGS.SILENT (\\Deleted)").contains("UID EXPUNGE")
                .doesNotContain("UID MOVE");
    }

    @Test
    void anotherClientsDeletedMessageSurvives() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        RawAppend.append(mailbox, "INBOX", fixtures);
        long othersUid = mailbox.appendDeletedSeen("INBOX", fixtures.get(0)); // seen and \Deleted, not expunged yet

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(mailbox.uids("INBOX")).as("only the other client's deleted message is left").containsExactly(othersUid);
        assertThat(new SweepScenarios(mailbox, launcher, jdbc).archivedTotal()).isEqualTo(fixtures.size());
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
    }
}
