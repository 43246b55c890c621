package io.bouncesweeper;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.job.MailboxLock;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The process exit codes of run-once mode, through the same entry point as {@code java -jar}. */
class RunOnceExitCodeTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @BeforeEach
    void cleanDatabase() {
        JobTestSupport.cleanDatabase(MigratedDatabase.jdbc());
    }

    @Test
    void completedRunExitsWithZero() throws Exception {
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());

        assertThat(BounceSweeperApplication.run(args())).isZero();
        assertThat(MAILBOX.count("INBOX")).isZero();
    }

    @Test
    void failedRunExitsWithOne() {
        assertThat(BounceSweeperApplication.run(args("--bounce-sweeper.imap.port=1"))).isEqualTo(1);
    }

    @Test
    void aRunBlockedByAnotherExitsWithThree() throws Exception {
        try (var held = MailboxLock.tryAcquire(MigratedDatabase.dataSource(), "job", "test-sweep").orElseThrow()) {
            assertThat(BounceSweeperApplication.run(args())).isEqualTo(3);
        }
    }

    @Test
    void aMissingSettingExitsWithTwo() {
        List<String> withoutHost = new ArrayList<>(List.of(args()));
        withoutHost.removeIf(a -> a.startsWith("--bounce-sweeper.imap.host="));

        assertThat(BounceSweeperApplication.run(withoutHost.toArray(String[]::new))).isEqualTo(2);
    }

    @Test
    void anUnknownJobExitsWithTwo() {
        assertThat(BounceSweeperApplication.run(args("--job=no-such-job"))).isEqualTo(2);
    }

    private static String[] args(String... extra) {
        TestDatabase db = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of(
                "--bounce-sweeper.jobs-dir=src/test/resources/jobs",
                "--bounce-sweeper.job=test-sweep",
                "--bounce-sweeper.imap.host=127.0.0.1",
                "--bounce-sweeper.imap.port=" + MAILBOX.port(),
                "--bounce-sweeper.imap.user=bounces",
                "--bounce-sweeper.imap.password=secret",
                "--bounce-sweeper.imap.security=NONE",
                "--bounce-sweeper.imap.allow-plaintext=true",
                "--bounce-sweeper.imap.connect-timeout=2s",
                "--bounce-sweeper.db.url=" + db.url(),
                "--bounce-sweeper.db.user=" + db.user(),
                "--bounce-sweeper.db.password=" + db.password()));
        for (String e : extra) {
            String key = e.substring(0, e.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(e);
        }
        return args.toArray(String[]::new);
    }
}
