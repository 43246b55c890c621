package io.bouncesweeper.store;

import java.time.Instant;

/**
 * One address's list state, derived from all its events: status, why and since when (the event
 * that decided), counters, and the newest bounce.
 *
 * @param why          reason code of the deciding event (e.g. {@code userunknown}), {@code complaint}, or
 *                     {@code released} when an operator's override decided
 * @param decidedByOverrideId the {@link RecipientOverride} that released the address, while no later event decided
 * @param explanation  one readable line: what decided and by which rule
 * @param softCount    soft events within the window ending at the newest soft event
 * @param hardCount    recipient-side permanent events
 */
public record RecipientState(
        String recipient,
        RecipientStatus status,
        String why,
        String explanation,
        Instant since,
        Long decidedByEventId,
        Long decidedByOverrideId,
        int softCount,
        Instant softWindowStart,
        int hardCount,
        int senderIssueCount,
        int complaintCount,
        int eventCount,
        String lastStatus,
        String lastReason,
        Instant lastBounceAt,
        Long lastEventId,
        boolean allowListed,
        String campaignId,
        String subscriberId,
        String listId) {

    /** The same state as far as the list and its explanation go (timestamps of writing aside). */
    public boolean sameAs(RecipientState other) {
        return other != null && equals(other);
    }
}
