package io.bouncesweeper.config;

import org.springframework.core.retry.RetryPolicy;

import java.time.Duration;
import java.util.function.Predicate;

/** How the job retries a server that went away: the configured attempts, the pause doubled after each failure up to a minute. */
public final class RetryPolicies {
    static final Duration MAX_PAUSE = Duration.ofMinutes(1);

    private RetryPolicies() {
    }

    /** @param attempts attempts in all (1: no retry) */
    public static RetryPolicy doubling(int attempts, Duration firstPause, Predicate<Throwable> retryable) {
        return RetryPolicy.builder()
                .maxRetries(Math.max(0, attempts - 1))
                .delay(firstPause)
                .multiplier(2)
                .maxDelay(MAX_PAUSE.compareTo(firstPause) < 0 ? firstPause : MAX_PAUSE)
                .predicate(retryable)
                .build();
    }
}
