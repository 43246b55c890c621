package io.bouncesweeper.robust;

import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two job processes (real JVMs) started at once on the same mailbox folder of a private Dovecot:
 * exactly one works, the other stops at once with exit code 3 and says why, nothing is counted
 * twice. To make the overlap certain rather than likely, both carry the crash-point hook
 * {@code after-commit:1:pause=40}: whichever wins the mailbox lock pauses after its first commit,
 * holding the lock, while the other one must already have given up.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
class TwoProcessesDovecotTest {

    @Test
    void exactlyOneRunWorksTheOtherExitsWithThree() throws Exception {
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        try (PrivateDovecot dovecot = PrivateDovecot.start("two-processes", null)) {
            TestMailbox mailbox = dovecot.imaps();
            List<byte[]> fixtures = SweepScenarios.allFixtures();
            List<byte[]> many = new ArrayList<>();
            for (int copy = 0; copy < 20; copy++) {
                for (byte[] f : fixtures) {
                    // distinct copies (a copy of the same bytes would be recognised as one mail)
                    many.add(("X-Copy: " + copy + "\r\n" + new String(f, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            RawAppend.append(mailbox, "INBOX", many);
            int n = many.size();

            Map<String, String> env = environment(dovecot);
            Path dir = Files.createTempDirectory("two-processes");
            JobProcess a = JobProcess.start(env, dir.resolve("a.log"), "-Xmx256m");
            JobProcess b = JobProcess.start(env, dir.resolve("b.log"), "-Xmx256m");

            // the loser must end while the winner still holds the lock (it pauses 40 s after its first commit)
            await("one process ended within 180 s").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !a.isAlive() || !b.isAlive());
            JobProcess loser = a.isAlive() ? b : a;
            JobProcess winner = loser == a ? b : a;
            int loserExit = loser.waitFor(1);
            assertThat(winner.isAlive()).as("the other still works (holds the lock) when the loser has ended:\n%s",
                    loser.output()).isTrue();
            assertThat(loserExit).as(loser.output()).isEqualTo(3);
            assertThat(loser.output()).contains("this one stops without touching anything");
            assertThat(winner.waitFor(300)).as(winner.output()).isZero();

            assertThat(mailbox.count("INBOX")).isZero();
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(n);
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the loser started nothing").isEqualTo(1);
            int archived = 0;
            for (String f : SweepScenarios.ARCHIVE_FOLDERS) {
                archived += mailbox.count(f);
            }
            assertThat(archived).isEqualTo(n);
        }
    }

    static Map<String, String> environment(PrivateDovecot dovecot) {
        TestDatabase db = TestDatabase.get();
        Map<String, String> env = new HashMap<>();
        env.put("BOUNCE_SWEEPER_IMAP_HOST", "127.0.0.1");
        env.put("BOUNCE_SWEEPER_IMAP_PORT", String.valueOf(dovecot.imapsPort()));
        env.put("BOUNCE_SWEEPER_IMAP_SECURITY", "IMAPS");
        env.put("BOUNCE_SWEEPER_IMAP_USER", PrivateDovecot.USER);
        env.put("BOUNCE_SWEEPER_IMAP_PASSWORD", PrivateDovecot.PASSWORD);
        env.put("BOUNCE_SWEEPER_IMAP_TRUST_STORE", dovecot.cert());
        env.put("BOUNCE_SWEEPER_DB_URL", db.url());
        env.put("BOUNCE_SWEEPER_DB_USER", db.user());
        env.put("BOUNCE_SWEEPER_DB_PASSWORD", db.password());
        env.put("BOUNCE_SWEEPER_CHUNK_SIZE", "50");
        env.put("BOUNCE_SWEEPER_TEST_CRASH_AT", "after-commit:1:pause=40");
        env.put(CrashPoints.SOURCES_ENV, CrashPoints.class.getName());
        return env;
    }
}
