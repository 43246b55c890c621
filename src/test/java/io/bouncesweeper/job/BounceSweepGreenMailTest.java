package io.bouncesweeper.job;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against GreenMail (in-process IMAP, no MOVE: exercises UID COPY + UID EXPUNGE)
 * and a real MariaDB.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.chunk-size=4"})
class BounceSweepGreenMailTest {
    static final TestMailbox MAILBOX =
            new TestMailbox("127.0.0.1", ServerSetupTest.IMAP.getPort(), ImapSecurity.NONE, "bounces", "secret", null);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bounces@localhost", "bounces", "secret"));

    /** Fails every move while set: the results are committed, the mail stays in the inbox. */
    static final AtomicBoolean movesFail = new AtomicBoolean();

    @TestConfiguration
    static class FaultInjection {
        @Bean
        @Primary
        MailArchiver failingArchiver(ImapConnector connector, BounceSweeperProperties p) {
            return new MailArchiver(connector, p.imap().folder()) {
                @Override
                public synchronized Map<String, Integer> move(Map<String, long[]> uidsByFolder) throws MessagingException {
                    if (movesFail.get()) {
                        throw new MessagingException("injected: connection lost during move");
                    }
                    return super.move(uidsByFolder);
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, MAILBOX);
    }

    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    SweepScenarios scenarios;

    @BeforeEach
    void setUp() {
        JobTestSupport.cleanDatabase(jdbc);
        movesFail.set(false);
        scenarios = new SweepScenarios(MAILBOX, launcher, jdbc);
    }

    @Test
    void sweepsStoresAndArchivesEveryMessage() throws Exception {
        scenarios.sweepAllFixtures();
    }

    @Test
    void aSecondRunFindsNothingAndChangesNothing() throws Exception {
        scenarios.sweepAllFixtures();
        List<String> before = scenarios.databaseSnapshot();

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(scenarios.databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void redeliveredCopiesAreRecognisedByMessageIdAndOnlyArchived() throws Exception {
        int n = scenarios.sweepAllFixtures();
        List<String> before = scenarios.databaseSnapshot();

        MAILBOX.append("INBOX", SweepScenarios.allFixtures());
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(2 * n);
        assertThat(scenarios.databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void aFailedMoveAfterCommitIsFinishedByTheRerunWithoutCountingTwice() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        movesFail.set(true);

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.FAILED);
        assertThat(MAILBOX.count("INBOX")).as("nothing leaves the inbox before a successful move").isEqualTo(fixtures.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isEqualTo(fixtures.size());
        List<String> committed = scenarios.databaseSnapshot();

        movesFail.set(false);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
        assertThat(scenarios.databaseSnapshot()).isEqualTo(committed);
    }

    @Test
    void aFreshInstanceAfterAnAbandonedRunStillCountsEachBounceOnce() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        movesFail.set(true);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.FAILED);
        List<String> committed = scenarios.databaseSnapshot();
        // An operator gives up on the failed execution: the next run is a new instance that reads
        // the whole inbox again from UID 1.
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'ABANDONED'");
        jdbc.update("UPDATE bounce_message SET archived_at = NOW()"); // and the outbox cannot help either

        movesFail.set(false);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size());
        assertThat(scenarios.databaseSnapshot()).isEqualTo(committed);
    }
}
