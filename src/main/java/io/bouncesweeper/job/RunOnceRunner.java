package io.bouncesweeper.job;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Run-once mode (cron, Kubernetes CronJob): one sweep at start-up, then the process exits with
 * 0 (completed), 1 (failed) or 3 (another run holds the mailbox). Tests switch it off.
 */
@Component
@ConditionalOnProperty(name = "bounce-sweeper.run-on-start", havingValue = "true", matchIfMissing = true)
public class RunOnceRunner implements ApplicationRunner, ExitCodeGenerator {
    private final SweepLauncher launcher;
    private volatile SweepOutcome outcome = SweepOutcome.FAILED;

    public RunOnceRunner(SweepLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        outcome = launcher.runOnce();
    }

    @Override
    public int getExitCode() {
        return outcome.exitCode();
    }
}
