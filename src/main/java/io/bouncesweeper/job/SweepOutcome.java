package io.bouncesweeper.job;

/** How a run ended, and the process exit code that tells cron or Kubernetes. */
public enum SweepOutcome {
    COMPLETED(0),
    FAILED(1),
    ANOTHER_RUN_ACTIVE(3),
    /** Completed, but sender-side failures passed the definition's alert threshold and it asks to fail (alerts.fail-run). */
    SENDER_SIDE_ALERT(4);

    private final int exitCode;

    SweepOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
