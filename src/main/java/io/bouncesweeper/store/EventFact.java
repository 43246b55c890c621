package io.bouncesweeper.store;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;

import java.time.Instant;

/**
 * What the list policy needs of one stored event (a {@code bounce_event} row, or one a dry run
 * would store, with a negative id). The original's Message-ID tells a postmaster copy from a
 * failure of its own.
 */
public record EventFact(long id, String recipient, RecordKind kind, BounceClass bounceClass, Reason reason,
                        String status, Instant at, String feedbackType, String campaignId, String subscriberId,
                        String listId, String originalMessageId) {

    public EventFact withVerdict(BounceClass newClass, Reason newReason, String newStatus) {
        return new EventFact(id, recipient, kind, newClass, newReason, newStatus, at, feedbackType, campaignId,
                subscriberId, listId, originalMessageId);
    }
}
