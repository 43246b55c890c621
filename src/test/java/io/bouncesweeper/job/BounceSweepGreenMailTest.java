package io.bouncesweeper.job;

import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.parse.BounceParser;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.support.CountedWrites;
import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.StoreSettings;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against GreenMail (in-process IMAP) and a real MariaDB.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class BounceSweepGreenMailTest extends GreenMailJobTest {
    /** Fails every move while set: the results are committed, the mail stays in the inbox. */
    static final AtomicBoolean movesFail = new AtomicBoolean();
    /** The chunk write that fails (1-based), 0 for none: the chunk rolls back, the run fails. */
    static final AtomicInteger failingWrite = new AtomicInteger();
    static final AtomicInteger writes = new AtomicInteger();

    /** The real job with an archiver and a store that fail on cue. */
    @TestConfiguration
    static class FaultInjection {
        @Bean
        @Primary
        SweepJobFactory faultySweepJobFactory(JobRepository repository, PlatformTransactionManager tx, DataSource dataSource,
                                              BounceParser parser, BounceClassifier classifier, Clock clock,
                                              RunStatistics statistics, BounceSweeperProperties p) {
            return new SweepJobFactory(repository, tx, dataSource, parser, classifier, clock, statistics, p) {
                @Override
                protected MailArchiver newArchiver(ImapConnector connector, String folder) {
                    return new MailArchiver(connector, folder, p.imap().useMove()) {
                        @Override
                        public synchronized Map<String, Integer> move(Map<String, long[]> uidsByFolder) throws MessagingException {
                            if (movesFail.get()) {
                                throw new MessagingException("injected: connection lost during move");
                            }
                            return super.move(uidsByFolder);
                        }
                    };
                }

                @Override
                protected BounceStore newStore(JdbcTemplate jdbc, StoreSettings settings, Clock clock) {
                    return CountedWrites.store(jdbc, settings, clock, writes, n -> {
                        if (n == failingWrite.get()) {
                            throw new IllegalStateException("injected: database connection lost before commit");
                        }
                    });
                }
            };
        }
    }

    @Autowired
    DataSource dataSource;

    SweepScenarios scenarios;

    @BeforeEach
    void setUp() {
        JobTestSupport.cleanDatabase(jdbc);
        movesFail.set(false);
        failingWrite.set(0);
        writes.set(0);
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

    @Test
    void aRunThatFailsMidwayRestartsAfterTheLastCommittedChunk() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        failingWrite.set(3); // chunks of 4: two commit, the third rolls back

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.FAILED);
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(8);
        assertThat(MAILBOX.count("INBOX")).as("only committed chunks leave the inbox").isEqualTo(fixtures.size() - 8);

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        List<Long> readCounts = jdbc.queryForList(
                "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'sweepMailbox%' ORDER BY STEP_EXECUTION_ID", Long.class);
        assertThat(readCounts).hasSize(2);
        assertThat(readCounts.get(1)).as("the restart reads only what the failed execution had not committed")
                .isEqualTo(fixtures.size() - 8L);
        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size());
    }

    @Test
    void anExecutionLeftRunningByAKilledProcessIsRecoveredAndFinished() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        movesFail.set(true);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.FAILED);
        List<String> committed = scenarios.databaseSnapshot();
        // what kill -9 leaves behind: the execution and its step still marked as running
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");
        movesFail.set(false);

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(scenarios.databaseSnapshot()).isEqualTo(committed);
    }

    @Test
    void aSecondProcessOnTheSameMailboxStopsWithItsOwnExitCode() throws Exception {
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());
        try (var held = MailboxLock.tryAcquire(dataSource, "job", "test-sweep").orElseThrow()) {
            SweepOutcome outcome = launcher.runOnce();
            assertThat(outcome).isEqualTo(SweepOutcome.ANOTHER_RUN_ACTIVE);
            assertThat(outcome.exitCode()).isEqualTo(3);
        }
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isZero();
        assertThat(scenarios.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }

    @Test
    void anotherJobWorkingTheSameFolderKeepsThisRunOut() throws Exception {
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());
        // e.g. a historic reprocessing run over INBOX while the nightly job starts
        try (var held = MailboxLock.tryAcquire(dataSource, "bounces@127.0.0.1", "INBOX").orElseThrow()) {
            assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.ANOTHER_RUN_ACTIVE);
        }
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isZero();
        assertThat(MAILBOX.count("INBOX")).isEqualTo(SweepScenarios.allFixtures().size());
    }
}
