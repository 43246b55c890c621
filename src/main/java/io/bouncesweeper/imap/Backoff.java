package io.bouncesweeper.imap;

import java.time.Duration;

/**
 * How often and how patiently to retry a server that went away: attempts in all, the first pause,
 * doubled after each failure up to a cap.
 */
public record Backoff(int attempts, Duration firstPause, Duration maxPause) {
    public static final Backoff NONE = new Backoff(1, Duration.ZERO, Duration.ZERO);

    public Duration pauseBefore(int attempt) {
        long millis = firstPause.toMillis() << Math.min(20, Math.max(0, attempt - 2));
        return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
    }
}
