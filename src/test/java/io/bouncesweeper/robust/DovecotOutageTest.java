package io.bouncesweeper.robust;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.job.RunStatistics;
import io.bouncesweeper.job.SweepJobFactory;
import io.bouncesweeper.job.SweepLauncher;
import io.bouncesweeper.job.SweepOutcome;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.read.MailboxItemReader;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.StoreSettings;
import io.bouncesweeper.support.CountedWrites;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A private Dovecot stopped (master and every imap process: all connections drop) in the middle of a
 * run, at a fixed moment: inside the write of the second chunk, before its commit. A short outage
 * (Dovecot is started again on the same ports and Maildir as soon as the reader reports its first
 * failed fetch) is bridged by the reader's retries and the end-of-sweep archive pass: the same run
 * completes. A lasting one ends the run with FAILED (exit code 1) and a message naming the server;
 * the committed but unmoved mail stays in the outbox, and once Dovecot is back the next run
 * (a restart from the job repository) completes. Either way the result equals an undisturbed run's.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.retry-attempts=5", "bounce-sweeper.imap.retry-pause=200ms",
        "bounce-sweeper.imap.connect-timeout=2s", "bounce-sweeper.imap.read-timeout=10s"})
class DovecotOutageTest {
    private static PrivateDovecot dovecot;
    private static List<String> reference;

    /** What happens while the n-th chunk is being written (inside its transaction). */
    static volatile IntConsumer duringWrite = n -> { };
    static final AtomicInteger writes = new AtomicInteger();
    /** The run's archiver: its monitor is held while a move is in flight. */
    static volatile MailArchiver archiver;

    @TestConfiguration
    static class Seams {
        @Bean
        @Primary
        SweepJobFactory seamedFactory(JobRepository repository, PlatformTransactionManager tx, DataSource dataSource,
                                      BounceParser parser, BounceClassifier classifier, Clock clock,
                                      RunStatistics statistics, BounceSweeperProperties p) {
            return new SweepJobFactory(repository, tx, dataSource, parser, classifier, clock, statistics, p) {
                @Override
                protected MailArchiver newArchiver(ImapConnector connector, String folder) {
                    MailArchiver created = super.newArchiver(connector, folder);
                    archiver = created;
                    return created;
                }

                @Override
                protected BounceStore newStore(JdbcTemplate jdbc, StoreSettings settings, Clock clock) {
                    return CountedWrites.store(jdbc, settings, clock, writes, n -> duringWrite.accept(n));
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (dovecot == null) {
            dovecot = PrivateDovecot.start("outage", null);
        }
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, dovecot.imaps());
    }

    @AfterAll
    static void stopDovecot() {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    TestMailbox mailbox;
    SweepScenarios scenarios;
    List<byte[]> mail;
    private final RestartOnFirstFailedFetch restarter = new RestartOnFirstFailedFetch();

    @BeforeEach
    void setUp() throws Exception {
        mailbox = dovecot.imaps();
        scenarios = new SweepScenarios(mailbox, launcher, jdbc);
        mail = distinctCopies(2); // 68 messages, 17 chunks of 4
        if (reference == null) {
            reference = undisturbedRun();
        }
        cleanSlate();
        RawAppend.append(mailbox, "INBOX", mail);
        assertThat(mailbox.count("INBOX")).as("seeded").isEqualTo(mail.size());
    }

    @AfterEach
    void detach() throws Exception {
        restarter.detach();
        duringWrite = n -> { };
        if (!dovecot.isRunning()) {
            dovecot.startServer();
        }
    }

    @Test
    void aShortOutageIsBridgedByRetriesAndTheSameRunCompletes(CapturedOutput output) throws Exception {
        restarter.attach();
        duringWrite = n -> {
            if (n == 2) {
                stopDovecot("short outage");
            }
        };

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(restarter.restarts.get()).as("Dovecot was down when the reader fetched, and came back").isEqualTo(1);
        assertThat(output).contains("fetch failed").contains("reconnected, continuing");
        assertThat(scenarios.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("one execution, never failed").isEqualTo(1);
        assertAllSweptOnce();
    }

    @Test
    void aLastingOutageFailsTheRunClearlyAndTheNextRunCompletesWithNothingLostOrDoubled(CapturedOutput output)
            throws Exception {
        duringWrite = n -> {
            if (n == 2) {
                stopDovecot("lasting outage");
            }
        };

        SweepOutcome first = launcher.runOnce();

        assertThat(first).isEqualTo(SweepOutcome.FAILED);
        assertThat(first.exitCode()).isNotZero();
        String server = "IMAPS://" + PrivateDovecot.USER + "@127.0.0.1:" + dovecot.imapsPort();
        assertThat(output).contains("run failed:").contains(server);
        assertThat(output.toString().lines().filter(l -> l.contains("run failed:")))
                .as("the failure names the server").anyMatch(l -> l.contains(server));
        assertThat(output).doesNotContain(PrivateDovecot.PASSWORD);
        int stored = scenarios.count("SELECT COUNT(*) FROM bounce_message");
        int unmoved = scenarios.count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL");
        assertThat(stored).as("chunks 1 and 2 committed, not all").isBetween(8, mail.size() - 4);
        assertThat(unmoved).as("chunk 2 committed while Dovecot was down: its move failed, its rows stay in the outbox")
                .isGreaterThanOrEqualTo(4);

        dovecot.startServer();
        assertThat(mailbox.count("INBOX")).as("every message not recorded as moved is still in INBOX")
                .isEqualTo(mail.size() - (stored - unmoved));

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(output).contains("committed messages are still waiting to be archived: moving them now");
        assertThat(scenarios.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the second run restarted the first")
                .isEqualTo(2);
        assertThat(scenarios.count("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        assertAllSweptOnce();
    }

    private void assertAllSweptOnce() throws Exception {
        assertThat(mailbox.count("INBOX")).as("INBOX after the sweep").isZero();
        assertThat(scenarios.archivedTotal()).as("archived once each").isEqualTo(mail.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(mail.size());
        assertThat(scenarios.count("SELECT COUNT(DISTINCT fingerprint) FROM bounce_message")).isEqualTo(mail.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
        assertThat(scenarios.databaseSnapshot()).as("events and list state as after an undisturbed run")
                .isEqualTo(reference);
    }

    private List<String> undisturbedRun() throws Exception {
        cleanSlate();
        RawAppend.append(mailbox, "INBOX", mail);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);
        assertThat(mailbox.count("INBOX")).isZero();
        return scenarios.databaseSnapshot();
    }

    private void cleanSlate() throws Exception {
        JobTestSupport.cleanDatabase(jdbc);
        mailbox.clear();
        writes.set(0);
    }

    /**
     * Stops Dovecot while no move is in flight (MailArchiver.move holds the archiver's monitor), so no
     * chunk is left half moved (some target folders done, others not) and every message recorded as
     * not archived is certain to be still in INBOX: that is what the lasting case checks.
     */
    private static void stopDovecot(String why) {
        try {
            synchronized (archiver) {
                dovecot.stopServer();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop Dovecot (" + why + ")", e);
        }
    }

    /** Distinct copies of every fixture (a byte-identical copy would be recognised as the same mail). */
    static List<byte[]> distinctCopies(int copies) {
        List<byte[]> result = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (byte[] f : SweepScenarios.allFixtures()) {
                result.add(("X-Copy: " + copy + "\r\n" + new String(f, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return result;
    }

    /**
     * Starts Dovecot again the first time the reader logs a failed fetch, on the reader's own
     * thread before it pauses: the outage is certain to have been seen, and is over before the
     * retry budget is.
     */
    static final class RestartOnFirstFailedFetch extends AppenderBase<ILoggingEvent> {
        final AtomicInteger restarts = new AtomicInteger();
        private final Logger readerLog = (Logger) LoggerFactory.getLogger(MailboxItemReader.class);

        void attach() {
            restarts.set(0);
            start();
            readerLog.addAppender(this);
        }

        void detach() {
            readerLog.detachAppender(this);
            stop();
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel() == Level.WARN && event.getFormattedMessage().contains("fetch failed")
                    && restarts.get() == 0) {
                try {
                    dovecot.startServer();
                    restarts.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException("could not start Dovecot again", e);
                }
            }
        }
    }
}
