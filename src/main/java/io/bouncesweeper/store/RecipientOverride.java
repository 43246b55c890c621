package io.bouncesweeper.store;

import java.time.Instant;

/**
 * An operator's release of an address ({@code unsuppress}), a {@code recipient_override} row. The
 * derived state honours it: events up to {@code at} no longer decide the status, later ones do.
 *
 * @param releasedStatus the status it lifted
 * @param requestedBy    the OS user who ran the command, if known
 */
public record RecipientOverride(long id, String recipient, Instant at, String reason, RecipientStatus releasedStatus,
                                String requestedBy) {
}
