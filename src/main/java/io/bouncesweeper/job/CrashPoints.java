package io.bouncesweeper.job;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test hook of the crash harness (scripts/crash-trials.sh), off unless the system property
 * {@code bounce-sweeper.test.crash-at} or the environment variable
 * {@code BOUNCE_SWEEPER_TEST_CRASH_AT} is set to {@code POINT:N}: the N-th time the run reaches
 * POINT the JVM halts at once (exit 137, no shutdown hooks, no finally blocks), as after SIGKILL.
 * It exists to hit moments a random kill rarely hits. Points:
 * <ul>
 * <li>{@code before-commit}: a chunk's rows and list updates are written, its transaction is not committed;</li>
 * <li>{@code after-commit}: a chunk has committed, its move has not started;</li>
 * <li>{@code during-move}: one target folder of a chunk has been moved, the others not (counted per folder move);</li>
 * <li>{@code after-move}: a chunk's messages are moved, their outbox rows are not yet marked archived.</li>
 * </ul>
 * Read once at class load; when unset, {@link #reach} is a null check.
 */
public final class CrashPoints {
    public static final String PROPERTY = "bounce-sweeper.test.crash-at";
    public static final String ENV = "BOUNCE_SWEEPER_TEST_CRASH_AT";
    public static final int EXIT_CODE = 137;

    private static final String POINT;
    private static final int AT;
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getProperty(PROPERTY, System.getenv(ENV));
        if (spec == null || spec.isBlank()) {
            POINT = null;
            AT = 0;
        } else {
            int colon = spec.lastIndexOf(':');
            POINT = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
            AT = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1).trim());
        }
    }

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (POINT != null && POINT.equals(point) && HITS.incrementAndGet() == AT) {
            System.err.println("[crash-point] " + point + ":" + AT + " reached: halting the JVM");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
