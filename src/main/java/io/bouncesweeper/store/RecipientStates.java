package io.bouncesweeper.store;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * recipient_state on MySQL: loads an address's events, derives its state with
 * {@link RecipientPolicy}, and writes only what changed (so a replay writes nothing, not even
 * {@code updated_at}). Runs inside the caller's transaction.
 */
public final class RecipientStates {
    /** Addresses per IN list. */
    private static final int SLICE = 500;
    /** MySQL named lock serialising state updates between partitions, jobs and pods. */
    static final String LOCK = "bounce-sweeper:recipient-state";
    private static final int LOCK_WAIT_SECONDS = 120;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RecipientPolicy policy;
    private final Clock clock;

    public RecipientStates(JdbcTemplate jdbc, RecipientPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.policy = policy;
        this.clock = clock;
    }

    public RecipientPolicy policy() {
        return policy;
    }

    /**
     * Recomputes these addresses from their stored events; writes and returns the changes of status.
     * Inside a transaction it first takes the recipient-state lock, held until commit or rollback,
     * and reads with locking reads (latest committed rows, not the transaction's snapshot): two
     * partitions or jobs that store events of one address at the same time then both count every
     * event instead of the last writer overwriting the other's count.
     */
    public List<StateHooks.Change> recompute(Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        boolean locked = lockUntilCompletion();
        Map<String, List<EventFact>> facts = loadFacts(recipients, locked);
        Map<String, List<RecipientOverride>> overrides = loadOverrides(recipients, locked);
        Map<String, RecipientState> stored = loadStates(recipients, locked);
        List<RecipientState> changed = new ArrayList<>();
        List<StateHooks.Change> transitions = new ArrayList<>();
        for (String r : recipients) {
            RecipientState now = policy.evaluate(r, facts.getOrDefault(r, List.of()), overrides.getOrDefault(r, List.of()));
            RecipientState before = stored.get(r);
            if (now == null || now.equals(before)) {
                continue;
            }
            changed.add(now);
            if (before == null || before.status() != now.status()) {
                transitions.add(new StateHooks.Change(before == null ? null : before.status(), now));
            }
        }
        save(changed);
        return transitions;
    }

    /**
     * Takes the recipient-state lock for the current transaction (once; released after commit or
     * rollback). A chunk takes it before its first write, so no transaction ever waits for it while
     * holding row locks another one needs. Outside a transaction it does nothing.
     *
     * @return whether a transaction holds the lock now
     */
    public boolean lockUntilCompletion() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        if (TransactionSynchronizationManager.hasResource(LOCK)) {
            return true;
        }
        Integer got = jdbc.queryForObject("SELECT GET_LOCK(?, ?)", Integer.class, LOCK, LOCK_WAIT_SECONDS);
        if (got == null || got != 1) {
            throw new IllegalStateException("waited " + LOCK_WAIT_SECONDS + " s for the recipient-state lock in vain");
        }
        TransactionSynchronizationManager.bindResource(LOCK, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LOCK);
                jdbc.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, LOCK);
            }
        });
        return true;
    }

    /** Every event of these addresses that the policy reads, by address. */
    public Map<String, List<EventFact>> loadFacts(Collection<String> recipients) {
        return loadFacts(recipients, false);
    }

    private Map<String, List<EventFact>> loadFacts(Collection<String> recipients, boolean locking) {
        Map<String, List<EventFact>> byRecipient = new HashMap<>();
        for (List<String> slice : slices(recipients)) {
            named.query("""
                    SELECT id, recipient, kind, bounce_class, reason, status, event_time, feedback_type,
                           campaign_id, subscriber_id, list_id, original_message_id
                      FROM bounce_event
                     WHERE recipient IN (:recipients) AND kind IN ('bounce', 'complaint', 'copy')""" + (locking ? " LOCK IN SHARE MODE" : ""),
                    new MapSqlParameterSource("recipients", slice), rs -> {
                        EventFact f = fact(rs);
                        byRecipient.computeIfAbsent(f.recipient(), k -> new ArrayList<>()).add(f);
                    });
        }
        return byRecipient;
    }

    /** The operator's releases of these addresses (see {@link RecipientOverride}), by address. */
    public Map<String, List<RecipientOverride>> loadOverrides(Collection<String> recipients) {
        return loadOverrides(recipients, false);
    }

    private Map<String, List<RecipientOverride>> loadOverrides(Collection<String> recipients, boolean locking) {
        Map<String, List<RecipientOverride>> byRecipient = new HashMap<>();
        for (List<String> slice : slices(recipients)) {
            named.query("""
                    SELECT id, recipient, created_at, reason, released_status, requested_by
                      FROM recipient_override WHERE recipient IN (:recipients)""" + (locking ? " LOCK IN SHARE MODE" : ""),
                    new MapSqlParameterSource("recipients", slice), rs -> {
                        RecipientOverride o = override(rs);
                        byRecipient.computeIfAbsent(o.recipient(), k -> new ArrayList<>()).add(o);
                    });
        }
        return byRecipient;
    }

    static RecipientOverride override(ResultSet rs) throws SQLException {
        return new RecipientOverride(rs.getLong("id"), rs.getString("recipient"), Columns.instant(rs, "created_at"),
                rs.getString("reason"), RecipientStatus.ofCode(rs.getString("released_status")),
                rs.getString("requested_by"));
    }

    static EventFact fact(ResultSet rs) throws SQLException {
        return new EventFact(rs.getLong("id"), rs.getString("recipient"),
                RecordKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                BounceClass.valueOf(rs.getString("bounce_class").toUpperCase(Locale.ROOT)),
                reason(rs.getString("reason")), rs.getString("status"),
                Columns.instant(rs, "event_time"), rs.getString("feedback_type"),
                rs.getString("campaign_id"), rs.getString("subscriber_id"), rs.getString("list_id"),
                rs.getString("original_message_id"));
    }

    private static Reason reason(String code) {
        try {
            return code == null ? Reason.UNDEFINED : Reason.ofCode(code);
        } catch (IllegalArgumentException e) {
            return Reason.UNDEFINED;
        }
    }

    public Map<String, RecipientState> loadStates(Collection<String> recipients) {
        return loadStates(recipients, false);
    }

    private Map<String, RecipientState> loadStates(Collection<String> recipients, boolean locking) {
        Map<String, RecipientState> states = new HashMap<>();
        for (List<String> slice : slices(recipients)) {
            named.query("""
                    SELECT recipient, status, status_reason, status_explanation, status_since, decided_by_event,
                           decided_by_override, soft_count, soft_window_start, hard_count, sender_issue_count, complaint_count, event_count,
                           last_status, last_reason, last_bounce_at, last_event_id, allow_listed,
                           campaign_id, subscriber_id, list_id
                      FROM recipient_state WHERE recipient IN (:recipients)""" + (locking ? " FOR UPDATE" : ""),
                    new MapSqlParameterSource("recipients", slice), rs -> {
                        RecipientState s = new RecipientState(rs.getString(1), RecipientStatus.ofCode(rs.getString(2)),
                                rs.getString(3), rs.getString(4), Columns.instant(rs, 5), longOrNull(rs, 6),
                                longOrNull(rs, 7), rs.getInt(8), Columns.instant(rs, 9), rs.getInt(10), rs.getInt(11),
                                rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getString(15), Columns.instant(rs, 16),
                                longOrNull(rs, 17), rs.getBoolean(18), rs.getString(19), rs.getString(20),
                                rs.getString(21));
                        states.put(s.recipient(), s);
                    });
        }
        return states;
    }

    private void save(List<RecipientState> states) {
        if (states.isEmpty()) {
            return;
        }
        LocalDateTime now = Columns.utc(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO recipient_state (recipient, status, status_reason, status_explanation, status_since,
                    decided_by_event, soft_count, soft_window_start, hard_count, sender_issue_count, complaint_count,
                    event_count, last_status, last_reason, last_bounce_at, last_event_id, allow_listed,
                    suppressed_at, suppressed_reason, campaign_id, subscriber_id, list_id, updated_at, decided_by_override)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE status = VALUES(status), status_reason = VALUES(status_reason),
                    status_explanation = VALUES(status_explanation), status_since = VALUES(status_since),
                    decided_by_event = VALUES(decided_by_event), soft_count = VALUES(soft_count),
                    soft_window_start = VALUES(soft_window_start), hard_count = VALUES(hard_count),
                    sender_issue_count = VALUES(sender_issue_count), complaint_count = VALUES(complaint_count),
                    event_count = VALUES(event_count), last_status = VALUES(last_status),
                    last_reason = VALUES(last_reason), last_bounce_at = VALUES(last_bounce_at),
                    last_event_id = VALUES(last_event_id), allow_listed = VALUES(allow_listed),
                    suppressed_at = VALUES(suppressed_at), suppressed_reason = VALUES(suppressed_reason),
                    campaign_id = VALUES(campaign_id), subscriber_id = VALUES(subscriber_id),
                    list_id = VALUES(list_id), updated_at = VALUES(updated_at),
                    decided_by_override = VALUES(decided_by_override)""",
                states, states.size(), (ps, s) -> bind(ps, s, now));
    }

    private static void bind(PreparedStatement ps, RecipientState s, LocalDateTime now) throws SQLException {
        boolean off = s.status().isFinal();
        ps.setString(1, s.recipient());
        ps.setString(2, s.status().code());
        ps.setString(3, Columns.cut(s.why(), 32));
        ps.setString(4, Columns.cut(s.explanation(), 255));
        ps.setObject(5, Columns.utc(s.since()));
        setLong(ps, 6, s.decidedByEventId());
        ps.setInt(7, s.softCount());
        ps.setObject(8, Columns.utc(s.softWindowStart()));
        ps.setInt(9, s.hardCount());
        ps.setInt(10, s.senderIssueCount());
        ps.setInt(11, s.complaintCount());
        ps.setInt(12, s.eventCount());
        ps.setString(13, Columns.cut(s.lastStatus(), 16));
        ps.setString(14, Columns.cut(s.lastReason(), 32));
        ps.setObject(15, Columns.utc(s.lastBounceAt()));
        setLong(ps, 16, s.lastEventId());
        ps.setBoolean(17, s.allowListed());
        ps.setObject(18, off ? Columns.utc(s.since()) : null);
        ps.setString(19, off ? Columns.cut(s.why(), 32) : null);
        ps.setString(20, Columns.cut(s.campaignId(), 255));
        ps.setString(21, Columns.cut(s.subscriberId(), 255));
        ps.setString(22, Columns.cut(s.listId(), 255));
        ps.setObject(23, now);
        setLong(ps, 24, s.decidedByOverrideId());
    }

    private static List<List<String>> slices(Collection<String> all) {
        List<String> list = new ArrayList<>(all);
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < list.size(); i += SLICE) {
            slices.add(list.subList(i, Math.min(list.size(), i + SLICE)));
        }
        return slices;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
