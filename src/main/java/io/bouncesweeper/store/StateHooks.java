package io.bouncesweeper.store;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's own SQL, one optional statement per new status, run in the chunk's transaction
 * (so it commits or rolls back with the events that caused it), with bound parameters only:
 * {@code :email :status :previous_status :reason :explanation :event_id :campaign_id
 * :subscriber_id :list_id :changed_at}. Example: {@code UPDATE subscribers SET status = 'bounced'
 * WHERE email = :email}. It runs once per change of status, never for a replay.
 */
public final class StateHooks {
    public static final StateHooks NONE = new StateHooks(Map.of());

    private final Map<RecipientStatus, String> statements;

    public StateHooks(Map<RecipientStatus, String> statements) {
        Map<RecipientStatus, String> m = new EnumMap<>(RecipientStatus.class);
        statements.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                m.put(k, v);
            }
        });
        this.statements = Map.copyOf(m);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Runs the statements for these changes; each change is (previous or null, new state). */
    public void run(NamedParameterJdbcTemplate named, List<Change> changes) {
        if (statements.isEmpty()) {
            return;
        }
        Map<RecipientStatus, List<MapSqlParameterSource>> batches = new EnumMap<>(RecipientStatus.class);
        for (Change c : changes) {
            String sql = statements.get(c.now().status());
            if (sql == null) {
                continue;
            }
            RecipientState s = c.now();
            batches.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(new MapSqlParameterSource()
                    .addValue("email", s.recipient())
                    .addValue("status", s.status().code())
                    .addValue("previous_status", c.before() == null ? null : c.before().code())
                    .addValue("reason", s.why())
                    .addValue("explanation", s.explanation())
                    .addValue("event_id", s.decidedByEventId())
                    .addValue("campaign_id", s.campaignId())
                    .addValue("subscriber_id", s.subscriberId())
                    .addValue("list_id", s.listId())
                    .addValue("changed_at", s.since() == null ? null : Timestamp.from(s.since())));
        }
        batches.forEach((status, params) ->
                named.batchUpdate(statements.get(status), params.toArray(MapSqlParameterSource[]::new)));
    }

    /** A change of status: {@code before} is null for an address seen for the first time. */
    public record Change(RecipientStatus before, RecipientState now) {
    }
}
