package io.bouncesweeper.store;

import io.bouncesweeper.domain.RecordKind;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives an address's state from its events alone, in event-time order, so the same events
 * always give the same state: replaying mail, reprocessing a folder out of order, or
 * reclassifying all old events lands on one answer. Plain Java, no database.
 *
 * <ul>
 *   <li>complaint → {@code complained};</li>
 *   <li>recipient-side reason (userunknown, hostunknown ...) → {@code suppressed} at once, unless
 *       its status is 4xx: then it counts as soft;</li>
 *   <li>soft reason → counts; {@code softThreshold} distinct soft events within any window of
 *       {@code softWindow} (ending at one of them) → {@code suppressed}; older ones expire;</li>
 *   <li>sender-side reason → counted, never changes the status;</li>
 *   <li>a postmaster's copy of a report → counts as the bounce it copies, unless the sender's own report
 *       of that failure (same recipient, same original Message-ID) is stored too: one failure counts once,
 *       and a copy that arrives alone is not lost;</li>
 *   <li>auto-replies, delivery notices → nothing;</li>
 *   <li>allow-listed addresses and domains are never suppressed nor complained;</li>
 *   <li>suppressed and complained are final (a complaint still turns suppressed into complained)...</li>
 *   <li>... except for an operator's release ({@link RecipientOverride}): at its time the address is
 *       {@code active} again (why {@code released}) and the soft count starts afresh; only events after
 *       it can suppress it again. A rerun or reclassification replays the release with the events.</li>
 * </ul>
 */
public final class RecipientPolicy {
    static final Comparator<EventFact> TIME_ORDER =
            Comparator.comparing(EventFact::at).thenComparingLong(f -> f.id() < 0 ? Long.MAX_VALUE + f.id() : f.id());

    private final ListPolicy policy;

    public RecipientPolicy(ListPolicy policy) {
        this.policy = policy;
    }

    public ListPolicy policy() {
        return policy;
    }

    /** The kinds of event the list state is derived from. */
    public static boolean concernsTheList(RecordKind kind) {
        return kind == RecordKind.BOUNCE || kind == RecordKind.COMPLAINT || kind == RecordKind.COPY;
    }

    /** Why of an address an operator released. */
    public static final String RELEASED = "released";

    /** @return the state, or null when no event concerns the list (auto-replies and notices only) */
    public RecipientState evaluate(String recipient, List<EventFact> facts) {
        return evaluate(recipient, facts, List.of());
    }

    /** @param overrides the operator's releases of this address, in any order */
    public RecipientState evaluate(String recipient, List<EventFact> facts, List<RecipientOverride> overrides) {
        List<EventFact> events = withoutCopiesOfStoredBounces(facts);
        events.sort(TIME_ORDER);
        Deque<RecipientOverride> releases = new ArrayDeque<>(overrides.stream()
                .sorted(Comparator.comparing(RecipientOverride::at).thenComparingLong(RecipientOverride::id)).toList());
        Long releasedBy = null;
        boolean allow = policy.allowListed(recipient);
        RecipientStatus status = RecipientStatus.ACTIVE;
        String why = null, explanation = null;
        Instant since = null;
        Long decidedBy = null;
        Deque<EventFact> window = new ArrayDeque<>();
        int hard = 0, sender = 0, complaints = 0, relevant = 0;
        EventFact lastBounce = null, lastEvent = null;
        for (EventFact e : events) {
            // an event at the very time of a release is one the operator saw: the release follows it
            while (!releases.isEmpty() && releases.peekFirst().at().isBefore(e.at())) {
                RecipientOverride o = releases.removeFirst();
                status = RecipientStatus.ACTIVE;
                why = RELEASED;
                explanation = released(o);
                since = o.at();
                decidedBy = null;
                releasedBy = o.id();
                window.clear();
            }
            if (e.kind() == RecordKind.COMPLAINT) {
                relevant++;
                complaints++;
                lastEvent = e;
                if (status != RecipientStatus.COMPLAINED) {
                    String text = "complaint" + (e.feedbackType() == null ? "" : " (" + e.feedbackType() + ")");
                    if (allow) {
                        explanation = "allow-listed: kept despite " + text;
                    } else {
                        status = RecipientStatus.COMPLAINED;
                        why = "complaint";
                        explanation = text;
                        since = e.at();
                        decidedBy = e.id();
                    }
                }
                continue;
            }
            if (e.kind() != RecordKind.BOUNCE && e.kind() != RecordKind.COPY) {
                continue;
            }
            relevant++;
            lastEvent = e;
            lastBounce = e;
            ReasonGroup group = policy.groups().decide(e.reason(), e.status(), e.bounceClass());
            String reason = e.reason() == null ? "undefined" : e.reason().code();
            switch (group) {
                case RECIPIENT -> {
                    hard++;
                    if (!status.isFinal()) {
                        if (allow) {
                            explanation = "allow-listed: kept despite " + reason;
                        } else {
                            status = RecipientStatus.SUPPRESSED;
                            why = reason;
                            explanation = reason + ": recipient-side permanent failure";
                            since = e.at();
                            decidedBy = e.id();
                        }
                    }
                }
                case SOFT -> {
                    window.addLast(e);
                    Instant start = e.at().minus(policy.softWindow());
                    while (!window.isEmpty() && window.peekFirst().at().isBefore(start)) {
                        window.removeFirst();
                    }
                    if (status.isFinal()) {
                        break;
                    }
                    if (window.size() >= policy.softThreshold()) {
                        String text = window.size() + " soft bounces within " + days(policy) + ", last " + reason;
                        if (allow) {
                            status = RecipientStatus.SOFT_BOUNCING;
                            explanation = "allow-listed: kept despite " + text;
                        } else {
                            status = RecipientStatus.SUPPRESSED;
                            why = reason;
                            explanation = text;
                            decidedBy = e.id();
                        }
                        since = e.at();
                    } else if (status == RecipientStatus.ACTIVE) {
                        status = RecipientStatus.SOFT_BOUNCING;
                        why = reason;
                        explanation = "soft bounce " + window.size() + " of " + policy.softThreshold() + " within " + days(policy);
                        since = e.at();
                        decidedBy = e.id();
                    } else if (status == RecipientStatus.SOFT_BOUNCING && !allow) {
                        why = reason;
                        explanation = "soft bounce " + window.size() + " of " + policy.softThreshold() + " within " + days(policy);
                    }
                }
                case SENDER -> {
                    sender++;
                    if (status == RecipientStatus.ACTIVE && why == null) {
                        explanation = "sender-side " + reason + ": never suppresses the recipient";
                    }
                }
                case NONE -> {
                }
            }
        }
        if (relevant == 0) {
            return null;
        }
        for (RecipientOverride o : releases) {
            status = RecipientStatus.ACTIVE;
            why = RELEASED;
            explanation = released(o);
            since = o.at();
            decidedBy = null;
            releasedBy = o.id();
            window.clear();
        }
        if (lastBounce != null && !window.isEmpty() && !status.isFinal()) {
            // counts older than the window (ending at the newest bounce) have expired
            Instant start = lastBounce.at().minus(policy.softWindow());
            while (!window.isEmpty() && window.peekFirst().at().isBefore(start)) {
                window.removeFirst();
            }
            if (window.isEmpty() && status == RecipientStatus.SOFT_BOUNCING) {
                status = RecipientStatus.ACTIVE;
                why = null;
                explanation = "soft bounces expired";
                since = lastBounce.at();
                decidedBy = lastBounce.id();
            }
        }
        EventFact decider = decidedBy == null ? null : find(events, decidedBy);
        return new RecipientState(recipient, status, why, explanation, since, decidedBy,
                decidedBy == null ? releasedBy : null,
                window.size(), window.isEmpty() ? null : window.peekFirst().at(), hard, sender, complaints, relevant,
                lastBounce == null ? null : lastBounce.status(),
                lastBounce == null || lastBounce.reason() == null ? null : lastBounce.reason().code(),
                lastBounce == null ? null : lastBounce.at(),
                lastEvent == null ? null : lastEvent.id(), allow,
                decider == null ? null : decider.campaignId(),
                decider == null ? null : decider.subscriberId(),
                decider == null ? null : decider.listId());
    }

    private static String released(RecipientOverride o) {
        return "released by " + (o.requestedBy() == null ? "an operator" : o.requestedBy()) + ": " + o.reason();
    }

    /**
     * The events without the postmaster copies whose failure the sender's own report already shows.
     * Order-independent (the copy may arrive first): decided over all stored events each time.
     */
    private static List<EventFact> withoutCopiesOfStoredBounces(List<EventFact> facts) {
        Set<String> reported = new HashSet<>();
        for (EventFact e : facts) {
            if (e.kind() == RecordKind.BOUNCE && e.originalMessageId() != null) {
                reported.add(e.originalMessageId());
            }
        }
        List<EventFact> events = new ArrayList<>(facts.size());
        for (EventFact e : facts) {
            if (e.kind() != RecordKind.COPY || e.originalMessageId() == null || !reported.contains(e.originalMessageId())) {
                events.add(e);
            }
        }
        return events;
    }

    private static EventFact find(List<EventFact> events, long id) {
        for (EventFact e : events) {
            if (e.id() == id) {
                return e;
            }
        }
        return null;
    }

    private static String days(ListPolicy p) {
        long d = p.softWindow().toDays();
        return d * 86_400 == p.softWindow().toSeconds() ? d + "d" : p.softWindow().toString();
    }
}
