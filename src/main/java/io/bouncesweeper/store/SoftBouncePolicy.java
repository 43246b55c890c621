package io.bouncesweeper.store;

import java.time.Duration;

/**
 * A recipient is suppressed after {@code threshold} soft bounces within {@code window}, the window
 * opening at the first soft bounce that follows an expired one. Hard bounces suppress at once.
 */
public record SoftBouncePolicy(int threshold, Duration window) {
}
