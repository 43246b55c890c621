package io.bouncesweeper.robust;

import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in a JVM of its own, started the way {@code java -jar} would start it but from
 * the test classpath (in {@code mvn verify} the jar is only packaged after the tests), configured by
 * BOUNCE_SWEEPER_* environment variables, its output in a file.
 */
final class JobProcess {
    private final Process process;
    private final Path log;

    private JobProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The environment that runs job definition {@code job} (from src/test/resources/jobs) against a
     * plaintext test mailbox and the test database; callers add their own variables to it.
     */
    static Map<String, String> environment(String job, TestMailbox mailbox) {
        TestDatabase db = TestDatabase.get();
        Map<String, String> env = new HashMap<>();
        env.put("BOUNCE_SWEEPER_JOBS_DIR", Path.of("src/test/resources/jobs").toAbsolutePath().toString());
        env.put("BOUNCE_SWEEPER_JOB", job);
        env.put("BOUNCE_SWEEPER_IMAP_HOST", "127.0.0.1");
        env.put("BOUNCE_SWEEPER_IMAP_PORT", String.valueOf(mailbox.port()));
        env.put("BOUNCE_SWEEPER_IMAP_SECURITY", "NONE");
        env.put("BOUNCE_SWEEPER_IMAP_ALLOW_PLAINTEXT", "true");
        env.put("BOUNCE_SWEEPER_IMAP_USER", mailbox.user());
        env.put("BOUNCE_SWEEPER_IMAP_PASSWORD", mailbox.password());
        env.put("BOUNCE_SWEEPER_DB_URL", db.url());
        env.put("BOUNCE_SWEEPER_DB_USER", db.user());
        env.put("BOUNCE_SWEEPER_DB_PASSWORD", db.password());
        return env;
    }

    /** The java command line that runs the application from this JVM's test classpath. */
    static List<String> javaCommand(String... jvmOptions) {
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath).as("the real test classpath (Surefire puts it in java.class.path)").contains("spring-boot");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(classpath);
        command.add(BounceSweeperApplication.class.getName());
        return command;
    }

    static JobProcess start(Map<String, String> env, Path log, String... jvmOptions) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(javaCommand(jvmOptions))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("BOUNCE_SWEEPER_") && !k.startsWith("BOUNCE_SWEEPER_TEST_"));
        pb.environment().putAll(env);
        return new JobProcess(pb.start(), log);
    }

    /** @return the exit code, or -1 (and the process killed) when it did not end in time */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    void kill() {
        process.destroyForcibly();
    }
}
