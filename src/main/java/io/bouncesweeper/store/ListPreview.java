package io.bouncesweeper.store;

import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dry run's ledger: the events a run would store, held in memory next to what is stored, so the
 * run can say how every address's state would change without writing anything. Only reads the
 * database. Shared by a run's partitions.
 */
public final class ListPreview {
    private final RecipientStates states;
    private final Correlation correlation;
    private final Map<String, List<EventFact>> facts = new LinkedHashMap<>();
    private final Map<String, RecipientState> stored = new LinkedHashMap<>();
    private final Map<String, List<RecipientOverride>> overrides = new LinkedHashMap<>();
    private final AtomicLong nextId = new AtomicLong(-1);
    private long events;

    public ListPreview(RecipientStates states, Correlation correlation) {
        this.states = states;
        this.correlation = correlation;
    }

    /** Adds the events these (not yet stored) messages would store. */
    public synchronized void add(List<ProcessedMessage> fresh) {
        Map<String, List<EventFact>> added = new LinkedHashMap<>();
        for (ProcessedMessage m : fresh) {
            String verp = correlation.verpRecipient(BounceStore.returnPaths(m));
            Map<String, String> h = m.original().headers();
            for (ClassifiedRecord r : m.records()) {
                events++;
                RecordKind kind = r.record().kind();
                String recipient = BounceStore.recipientOf(r.record(), verp);
                if (recipient == null || !RecipientPolicy.concernsTheList(kind)) {
                    continue;
                }
                added.computeIfAbsent(recipient, k -> new ArrayList<>()).add(new EventFact(nextId.getAndDecrement(),
                        recipient, kind, r.classification().bounceClass(), r.classification().reason(),
                        r.classification().status(), m.eventTime(), r.record().feedbackType(),
                        correlation.header(h, correlation.campaignHeader()),
                        correlation.header(h, correlation.subscriberHeader()),
                        correlation.header(h, correlation.listHeader()), Columns.cut(m.original().messageId(), 255)));
            }
        }
        Set<String> unknown = new HashSet<>(added.keySet());
        unknown.removeAll(facts.keySet());
        if (!unknown.isEmpty()) {
            Map<String, List<EventFact>> loaded = states.loadFacts(unknown);
            stored.putAll(states.loadStates(unknown));
            overrides.putAll(states.loadOverrides(unknown));
            for (String r : unknown) {
                facts.put(r, new ArrayList<>(loaded.getOrDefault(r, List.of())));
            }
        }
        added.forEach((r, list) -> facts.get(r).addAll(list));
    }

    /** What the run would change: each address whose state differs, from → to. */
    public synchronized Report report() {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        for (Map.Entry<String, List<EventFact>> e : facts.entrySet()) {
            RecipientState now = states.policy().evaluate(e.getKey(), e.getValue(),
                    overrides.getOrDefault(e.getKey(), List.of()));
            RecipientState before = stored.get(e.getKey());
            if (now == null || now.equals(before)) {
                continue;
            }
            String from = before == null ? "new" : before.status().code();
            lines.add(new Line(e.getKey(), from, now.status().code(), now.explanation(), now.softCount(),
                    now.hardCount(), now.senderIssueCount(), now.complaintCount()));
            transitions.merge(from + " → " + now.status().code(), 1, Integer::sum);
        }
        return new Report(events, lines, transitions);
    }

    public record Line(String recipient, String from, String to, String explanation, int softCount, int hardCount,
                       int senderIssues, int complaints) {
        @Override
        public String toString() {
            return recipient + ": " + from + " → " + to + " (" + explanation + "; soft " + softCount + ", hard "
                    + hardCount + ", sender-side " + senderIssues + ", complaints " + complaints + ")";
        }
    }

    /** @param events records the run would store; lines: changed addresses; transitions: counts by from → to */
    public record Report(long events, List<Line> lines, Map<String, Integer> transitions) {
    }
}
