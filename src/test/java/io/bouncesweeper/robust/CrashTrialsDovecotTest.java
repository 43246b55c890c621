package io.bouncesweeper.robust;

import io.bouncesweeper.support.Dovecot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
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
        Path log = Files.createTempFile("crash-trials", ".log");
        String javaCmd = String.join(" ", JobProcess.javaCommand().subList(1, JobProcess.javaCommand().size()));
        ProcessBuilder pb = new ProcessBuilder("scripts/crash-trials.sh", "2", "600")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("CRASH_JAVA_CMD", javaCmd);
        pb.environment().put("CRASH_MODES", "after-commit,during-move");
        pb.environment().put("CRASH_CHUNK_SIZE", "100");
        pb.environment().put("CRASH_MAIL_ROOT", "/tmp/bounce-sweeper-crash-ci");
        pb.environment().put("CRASH_IMAP_PORT", "12243");
        pb.environment().put("CRASH_IMAPS_PORT", "12893");
        pb.environment().put("CRASH_DB", "bounces_crash_ci");
        Process p = pb.start();
        boolean ended = p.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(ended).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^2\\s+600\\s+0\\s+0\\s");   // trials messages lost double-counted
    }
}
