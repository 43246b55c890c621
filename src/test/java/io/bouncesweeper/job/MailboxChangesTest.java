package io.bouncesweeper.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.StoreSettings;
import io.bouncesweeper.support.CountedWrites;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TcpRelay;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mailbox changing under a run: connections dropped mid-run, messages deleted by someone
 * else, the folder recreated (new UIDVALIDITY) between a failed run and its restart; and the
 * database session of a chunk killed mid-run, once (retried within the run) or every time. The job talks
 * to GreenMail through a relay that can cut every connection.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.retry-pause=100ms", "bounce-sweeper.db.retry-pause=100ms"})
@ExtendWith(OutputCaptureExtension.class)
class MailboxChangesTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox DIRECT = GreenMailServers.mailbox(IMAP);
    static final TcpRelay RELAY = relay();
    static final TestMailbox VIA_RELAY =
            new TestMailbox("127.0.0.1", RELAY.port(), ImapSecurity.NONE, "bounces", "secret", null);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    /** What happens while the n-th chunk is being written (inside its transaction). */
    static volatile IntConsumer duringWrite = n -> { };
    static final AtomicInteger writes = new AtomicInteger();

    @TestConfiguration
    static class Seams {
        @Bean
        @Primary
        SweepJobFactory seamedFactory(JobRepository repository, PlatformTransactionManager tx, DataSource dataSource,
                                      BounceParser parser, BounceClassifier classifier, Clock clock,
                                      RunStatistics statistics, BounceSweeperProperties p) {
            return new SweepJobFactory(repository, tx, dataSource, parser, classifier, clock, statistics, p) {
                @Override
                protected BounceStore newStore(JdbcTemplate jdbc, StoreSettings settings, Clock clock) {
                    return CountedWrites.store(jdbc, settings, clock, writes, n -> duringWrite.accept(n));
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, VIA_RELAY);
    }

    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    SweepScenarios scenarios;
    /** Chunk writes of the last undisturbed run: one per chunk. */
    int undisturbedWrites;

    @BeforeEach
    void setUp() {
        JobTestSupport.cleanDatabase(jdbc);
        writes.set(0);
        duringWrite = n -> { };
        scenarios = new SweepScenarios(DIRECT, launcher, jdbc);
    }

    @AfterAll
    static void closeRelay() throws IOException {
        RELAY.close();
    }

    @Test
    void connectionsCutMidRunAreReopenedAndTheRunCompletes() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        DIRECT.append("INBOX", fixtures);
        duringWrite = n -> {
            if (n == 2 || n == 4) {
                RELAY.cutAll();
            }
        };

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(DIRECT.count("INBOX")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
    }

    @Test
    void aKilledDatabaseSessionIsRetriedAndTheSameRunCompletesCountingOnce(CapturedOutput output) throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        List<String> reference = undisturbedRun(fixtures);
        DIRECT.append("INBOX", fixtures);
        duringWrite = n -> {
            if (n == 2) {
                killOwnSession(); // the second chunk's connection, killed inside its transaction
            }
        };

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(output).contains("a database error that may pass").contains("resuming from the last committed chunk");
        assertThat(writes.get()).as("the killed chunk was written again").isEqualTo(undisturbedWrites + 1);
        assertThat(scenarios.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'"))
                .as("the failed execution, resumed within the run").isEqualTo(1);
        assertThat(scenarios.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
        assertSweptOnce(fixtures, reference);
    }

    @Test
    void aLastingDatabaseFailureEndsTheRunClearlyAndTheNextRunCompletesCountingOnce(CapturedOutput output)
            throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        List<String> reference = undisturbedRun(fixtures);
        DIRECT.append("INBOX", fixtures);
        duringWrite = n -> {
            if (n >= 2) {
                killOwnSession(); // every attempt's first chunk after the first commit
            }
        };

        SweepOutcome first = launcher.runOnce();

        assertThat(first).isEqualTo(SweepOutcome.FAILED);
        assertThat(first.exitCode()).isNotZero();
        assertThat(output).contains("the database is still failing after 4 attempts");
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).as("only the first chunk committed").isEqualTo(4);
        assertThat(DIRECT.count("INBOX")).isEqualTo(fixtures.size() - 4);

        duringWrite = n -> { };
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertSweptOnce(fixtures, reference);
    }

    private void assertSweptOnce(List<byte[]> fixtures, List<String> reference) throws Exception {
        assertThat(DIRECT.count("INBOX")).isZero();
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size());
        assertThat(scenarios.databaseSnapshot()).as("events and list state as after an undisturbed run").isEqualTo(reference);
    }

    /** Sweeps the mail once without interference and returns the database snapshot, then starts afresh. */
    private List<String> undisturbedRun(List<byte[]> fixtures) throws Exception {
        DIRECT.append("INBOX", fixtures);
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);
        List<String> snapshot = scenarios.databaseSnapshot();
        JobTestSupport.cleanDatabase(jdbc);
        DIRECT.clear();
        undisturbedWrites = writes.getAndSet(0);
        return snapshot;
    }

    /** Kills the database session of the current chunk's transaction, as an administrator would. */
    private void killOwnSession() {
        Long id = jdbc.queryForObject("SELECT CONNECTION_ID()", Long.class);
        TestDatabase db = TestDatabase.get();
        try (var admin = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             var kill = admin.createStatement()) {
            kill.execute("KILL " + id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void messagesDeletedBySomeoneElseMidRunAreSkipped() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        DIRECT.append("INBOX", fixtures);
        duringWrite = n -> {
            if (n == 1) {
                deleteLastUids(3); // not fetched yet: chunk 1 is being written, chunk 2 prefetched
            }
        };

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(DIRECT.count("INBOX")).isZero();
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size() - 3);
        assertThat(scenarios.archivedTotal()).isEqualTo(fixtures.size() - 3);
    }

    @Test
    void aFolderRecreatedBeforeTheRestartIsReadAfreshWithoutCountingTwice() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        DIRECT.append("Historic", fixtures);
        duringWrite = n -> {
            if (n == 3) {
                throw new IllegalStateException("injected: database lost");
            }
        };
        RunRequest historic = RunRequest.of("test-reprocess");
        assertThat(launcher.run(historic)).isEqualTo(SweepOutcome.FAILED);
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(8);
        List<String> afterFirstRun = scenarios.databaseSnapshot();

        // Someone deletes the folder and restores all its mail from a backup: same mails, new UIDs
        // and a new UIDVALIDITY (GreenMail's is the second the folder was created)
        duringWrite = n -> { };
        recreate("Historic", fixtures);

        assertThat(launcher.run(historic)).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(DIRECT.count("Historic")).isZero();
        assertThat(scenarios.count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(scenarios.databaseSnapshot()).isNotEqualTo(afterFirstRun);
        assertThat(scenarios.count("SELECT COUNT(DISTINCT fingerprint) FROM bounce_message")).isEqualTo(fixtures.size());
    }

    private static void deleteLastUids(int n) {
        try (Store store = DIRECT.connector().connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            for (int i = all.length - n; i < all.length; i++) {
                all[i].setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recreate(String folderName, List<byte[]> fixtures) throws Exception {
        long before;
        try (Store store = DIRECT.connector().connect()) {
            Folder folder = store.getFolder(folderName);
            before = ((UIDFolder) folder).getUIDValidity();
            folder.delete(true);
        }
        // GreenMail's UIDVALIDITY is the creation second: a folder made in the same second would get the old one
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > before);
        DIRECT.append(folderName, fixtures);
        try (Store store = DIRECT.connector().connect()) {
            assertThat(((UIDFolder) store.getFolder(folderName)).getUIDValidity()).as("new UIDVALIDITY").isNotEqualTo(before);
        }
    }

    private static TcpRelay relay() {
        try {
            return new TcpRelay(IMAP.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
