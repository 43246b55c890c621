package io.bouncesweeper.robust;

import io.bouncesweeper.archive.ArchiveMoments;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash harness's bean (scripts/crash-trials.sh, {@link TwoProcessesDovecotTest}): a listener
 * of the archive's moments that a job process started from the test classpath takes in with
 * {@code SPRING_MAIN_SOURCES=io.bouncesweeper.robust.CrashPoints}; production has no such bean.
 * Off unless the system property
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
 * {@code POINT:N:pause=S} pauses the reaching thread for S seconds instead (it keeps whatever it
 * holds, e.g. the mailbox lock: the two-process test uses it). Read once at class load.
 */
public class CrashPoints implements ArchiveMoments {
    /** Makes a job process started from the test classpath take this bean in. */
    public static final String SOURCES_ENV = "SPRING_MAIN_SOURCES";
    public static final String PROPERTY = "bounce-sweeper.test.crash-at";
    public static final String ENV = "BOUNCE_SWEEPER_TEST_CRASH_AT";
    public static final int EXIT_CODE = 137;

    private static final String POINT;
    private static final int AT;
    private static final long PAUSE_SECONDS;
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getProperty(PROPERTY, System.getenv(ENV));
        String[] parts = spec == null || spec.isBlank() ? new String[0] : spec.trim().split(":");
        POINT = parts.length == 0 ? null : parts[0];
        AT = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        PAUSE_SECONDS = parts.length > 2 && parts[2].startsWith("pause=") ? Long.parseLong(parts[2].substring(6)) : 0;
    }

    @Override
    public void written() {
        reach("before-commit");
    }

    @Override
    public void committed() {
        reach("after-commit");
    }

    @Override
    public void folderMoved() {
        reach("during-move");
    }

    @Override
    public void moved() {
        reach("after-move");
    }

    static void reach(String point) {
        if (POINT != null && POINT.equals(point) && HITS.incrementAndGet() == AT) {
            if (PAUSE_SECONDS > 0) {
                pause(point);
                return;
            }
            System.err.println("[crash-point] " + point + ":" + AT + " reached: halting the JVM");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }

    private static void pause(String point) {
        System.err.println("[crash-point] " + point + ":" + AT + " reached: pausing " + PAUSE_SECONDS + " s");
        try {
            Thread.sleep(PAUSE_SECONDS * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
