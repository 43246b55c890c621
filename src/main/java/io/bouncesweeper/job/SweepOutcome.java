package io.bouncesweeper.job;

/** How a run ended, and the process exit code that tells cron or Kubernetes. */
public enum SweepOutcome {
    COMPLETED(0),
    FAILED(1),
    ANOTHER_RUN_ACTIVE(3);

    private final int exitCode;

    SweepOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
