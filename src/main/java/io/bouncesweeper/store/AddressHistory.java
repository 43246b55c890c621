package io.bouncesweeper.store;

import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one address: its list state (null when no event concerns the list), every
 * event of it oldest first, and the operator's releases.
 */
public record AddressHistory(String address, RecipientState state, List<Event> events, List<RecipientOverride> releases) {

    /** The event that decided the current status, if one did (a release may have decided instead). */
    public Event decidingEvent() {
        Long id = state == null ? null : state.decidedByEventId();
        return id == null ? null : events.stream().filter(e -> e.id() == id).findFirst().orElse(null);
    }

    /** The release that decided the current status, if one did. */
    public RecipientOverride decidingRelease() {
        Long id = state == null ? null : state.decidedByOverrideId();
        return id == null ? null : releases.stream().filter(o -> o.id() == id).findFirst().orElse(null);
    }

    /**
     * One stored event ({@code bounce_event} row) as an operator reads it.
     *
     * @param diagnostic null once {@code purge} dropped it ({@code purgedAt} says when)
     * @param where      mailbox, folder and UID of the mail it came from
     */
    public record Event(long id, Instant at, String kind, String bounceClass, String reason, String status,
                        String replyCode, String reasonGroup, String rule, String diagnostic, String where,
                        Instant purgedAt) {
    }
}
