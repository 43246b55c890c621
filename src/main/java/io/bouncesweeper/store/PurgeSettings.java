package io.bouncesweeper.store;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Retention after each sweep ({@code bounce-sweeper.purge.*}); see {@link Retention}.
 *
 * @param olderThan when set (e.g. {@code 180d}), every completed sweep that wrote anything ends by purging the
 *                  diagnostics and stored headers of events older than this; unset, nothing is purged
 */
@Validated
@ConfigurationProperties("bounce-sweeper.purge")
public record PurgeSettings(Duration olderThan) {
    /** Less would drop the evidence of bounces still being worked on. */
    public static final Duration MINIMUM = Duration.ofDays(1);

    public boolean enabled() {
        return olderThan != null;
    }

    @AssertTrue(message = "bounce-sweeper.purge.older-than must be at least 1d (e.g. 180d), or unset to keep everything")
    public boolean isOlderThanSensible() {
        return olderThan == null || olderThan.compareTo(MINIMUM) >= 0;
    }
}
