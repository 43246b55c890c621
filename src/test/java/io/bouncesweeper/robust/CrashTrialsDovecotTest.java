package io.bouncesweeper.robust;

import io.bouncesweeper.support.Dovecot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.bouncesweeper.support.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness in CI: scripts/crash-trials.sh with 2 short trials (600 messages) on its own
 * Dovecot instance and database, killing the job at the two moments that matter most (right after a
 * chunk commit, before its move; and between the moves of one chunk), the job run from the test
 * classpath. The 20-trial run on 10,000 messages is the documented command (docs/robustness.md).
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
class CrashTrialsDovecotTest {

    @Test
    void twoShortTrialsLoseNothingAndCountNothingTwice() throws Exception {
        // everything of its own, per JVM: parallel test runs of several worktrees must not share an instance
        long pid = ProcessHandle.current().pid();
        String mailRoot = "/tmp/bounce-sweeper-crash-ci-" + pid;
        String database = "bounces_crash_ci_" + pid;
        Path log = Files.createTempFile("crash-trials", ".log");
        String javaCmd = String.join(" ", JobProcess.javaCommand().subList(1, JobProcess.javaCommand().size()));
        ProcessBuilder pb = new ProcessBuilder("scripts/crash-trials.sh", "2", "600")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("CRASH_JAVA_CMD", javaCmd);
        pb.environment().put("CRASH_MODES", "after-commit,during-move");
        pb.environment().put("CRASH_CHUNK_SIZE", "100");
        pb.environment().put("CRASH_MAIL_ROOT", mailRoot);
        pb.environment().put("CRASH_IMAP_PORT", String.valueOf(freePort()));
        pb.environment().put("CRASH_IMAPS_PORT", String.valueOf(freePort()));
        pb.environment().put("CRASH_DB", database);
        Process p = pb.start();
        boolean ended;
        try {
            ended = p.waitFor(15, TimeUnit.MINUTES);
            if (!ended) {
                p.destroyForcibly();
            }
        } finally {
            ProcessBuilder stop = new ProcessBuilder("scripts/services.sh", "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            stop.environment().put("MAIL_ROOT", mailRoot); // this test's instance only, never the shared one
            stop.start().waitFor(60, TimeUnit.SECONDS);
            dropDatabase(database);
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(ended).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^2\\s+600\\s+0\\s+0\\s");   // trials messages lost double-counted
    }

    private static void dropDatabase(String database) {
        TestDatabase db = TestDatabase.get();
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + uri.getHost() + ":" + uri.getPort() + "/",
                db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (Exception ignored) {
            // left behind: harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
