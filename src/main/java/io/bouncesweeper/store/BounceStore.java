package io.bouncesweeper.store;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * JDBC writes of one chunk: message rows, event rows and recipient state, each as one batch
 * (rewritten by Connector/J into multi-row statements). It runs inside the chunk's transaction;
 * idempotence comes from checking identities first, so a replayed message writes nothing.
 */
public class BounceStore {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SoftBouncePolicy policy;
    private final Clock clock;

    public BounceStore(JdbcTemplate jdbc, SoftBouncePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.policy = policy;
        this.clock = clock;
    }

    /** One query for the whole chunk: which of these messages were stored before? */
    public ProcessedIdentities findProcessed(Collection<ProcessedMessage> messages) {
        if (messages.isEmpty()) {
            return new ProcessedIdentities(Set.of(), Set.of());
        }
        MessageKey first = messages.iterator().next().key();
        List<Long> uids = messages.stream().map(m -> m.key().uid()).toList();
        List<String> fingerprints = messages.stream().map(ProcessedMessage::fingerprint).toList();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("mailbox", first.mailbox())
                .addValue("folder", first.folder())
                .addValue("uidValidity", first.uidValidity())
                .addValue("uids", uids)
                .addValue("fingerprints", fingerprints);
        Set<MessageKey> keys = new HashSet<>();
        Set<String> seen = new HashSet<>();
        named.query("""
                SELECT mailbox, folder, uid_validity, uid, fingerprint FROM bounce_message
                 WHERE mailbox = :mailbox
                   AND ((folder = :folder AND uid_validity = :uidValidity AND uid IN (:uids))
                        OR fingerprint IN (:fingerprints))""", params, rs -> {
            keys.add(new MessageKey(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            seen.add(rs.getString(5));
        });
        return new ProcessedIdentities(keys, seen);
    }

    public void insertMessages(List<ProcessedMessage> messages, Function<ProcessedMessage, String> targetFolder,
                               Long jobExecutionId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO bounce_message (mailbox, folder, uid_validity, uid, message_id, fingerprint, outcome,
                    category, target_folder, size_bytes, record_count, error, event_time, processed_at, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", messages, messages.size(), (ps, m) -> {
            MessageKey k = m.key();
            ps.setString(1, k.mailbox());
            ps.setString(2, k.folder());
            ps.setLong(3, k.uidValidity());
            ps.setLong(4, k.uid());
            ps.setString(5, Columns.cut(m.messageId(), 255));
            ps.setString(6, m.fingerprint());
            ps.setString(7, m.outcome().name().toLowerCase(Locale.ROOT));
            ps.setString(8, m.category().code());
            ps.setString(9, targetFolder.apply(m));
            ps.setLong(10, m.size());
            ps.setInt(11, m.records().size());
            ps.setString(12, Columns.cut(m.error(), 1000));
            ps.setTimestamp(13, Timestamp.from(m.eventTime()));
            ps.setTimestamp(14, now);
            if (jobExecutionId == null) {
                ps.setNull(15, Types.BIGINT);
            } else {
                ps.setLong(15, jobExecutionId);
            }
        });
    }

    public void insertEvents(List<ProcessedMessage> messages) {
        List<EventRow> rows = new ArrayList<>();
        for (ProcessedMessage m : messages) {
            for (int i = 0; i < m.records().size(); i++) {
                rows.add(new EventRow(m, i + 1, m.records().get(i)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO bounce_event (mailbox, folder, uid_validity, uid, record_index, kind, recipient,
                    recipient_domain, original_recipient, status, reply_code, bounce_class, reason, action, rule_name,
                    dsn_action, diagnostic, remote_mta, reporting_mta, decoder, original_message_id,
                    bounce_message_id, event_time, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, rows.size(), (ps, row) -> row.bind(ps, now));
    }

    /** Applies the chunk's bounces to recipient state, in record order so counts follow time. */
    public void applyRecipientState(List<ProcessedMessage> messages) {
        List<StateChange> hard = new ArrayList<>();
        List<StateChange> soft = new ArrayList<>();
        for (ProcessedMessage m : messages) {
            for (ClassifiedRecord r : m.records()) {
                String recipient = Columns.address(r.record().recipient());
                if (r.record().kind() != RecordKind.BOUNCE || recipient == null) {
                    continue;
                }
                BounceClass c = r.classification().bounceClass();
                StateChange change = new StateChange(recipient, r.classification().status(),
                        r.classification().reason().code(), m.eventTime());
                if (c == BounceClass.HARD) {
                    hard.add(change);
                } else if (c == BounceClass.SOFT) {
                    soft.add(change);
                }
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (!hard.isEmpty()) {
            // Assignments run left to right and see earlier ones: status goes last.
            jdbc.batchUpdate("""
                    INSERT INTO recipient_state (recipient, status, soft_count, hard_count, last_status, last_reason,
                        last_bounce_at, suppressed_at, suppressed_reason, updated_at)
                    VALUES (?, 'suppressed', 0, 1, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE
                        hard_count = hard_count + 1,
                        suppressed_reason = IF(status = 'suppressed', suppressed_reason, VALUES(suppressed_reason)),
                        suppressed_at = IF(status = 'suppressed', suppressed_at, VALUES(suppressed_at)),
                        last_status = VALUES(last_status),
                        last_reason = VALUES(last_reason),
                        last_bounce_at = GREATEST(COALESCE(last_bounce_at, VALUES(last_bounce_at)), VALUES(last_bounce_at)),
                        updated_at = VALUES(updated_at),
                        status = 'suppressed'""", hard, hard.size(), (ps, c) -> {
                ps.setString(1, c.recipient());
                ps.setString(2, c.status());
                ps.setString(3, c.reason());
                ps.setTimestamp(4, Timestamp.from(c.at()));
                ps.setTimestamp(5, now);
                ps.setString(6, c.reason());
                ps.setTimestamp(7, now);
            });
        }
        if (!soft.isEmpty()) {
            long windowSeconds = policy.window().toSeconds();
            int threshold = policy.threshold();
            jdbc.batchUpdate("""
                    INSERT INTO recipient_state (recipient, status, soft_count, soft_window_start, hard_count,
                        last_status, last_reason, last_bounce_at, suppressed_at, suppressed_reason, updated_at)
                    VALUES (?, IF(1 >= ?, 'suppressed', 'soft_bouncing'), 1, ?, 0, ?, ?, ?,
                        IF(1 >= ?, ?, NULL), IF(1 >= ?, ?, NULL), ?)
                    ON DUPLICATE KEY UPDATE
                        soft_count = IF(soft_window_start IS NULL
                                        OR VALUES(soft_window_start) > soft_window_start + INTERVAL ? SECOND,
                                        1, soft_count + 1),
                        soft_window_start = IF(soft_count = 1, VALUES(soft_window_start), soft_window_start),
                        suppressed_reason = IF(status <> 'suppressed' AND soft_count >= ?, VALUES(last_reason), suppressed_reason),
                        suppressed_at = IF(status <> 'suppressed' AND soft_count >= ?, VALUES(updated_at), suppressed_at),
                        last_status = VALUES(last_status),
                        last_reason = VALUES(last_reason),
                        last_bounce_at = GREATEST(COALESCE(last_bounce_at, VALUES(last_bounce_at)), VALUES(last_bounce_at)),
                        updated_at = VALUES(updated_at),
                        status = IF(status = 'suppressed' OR soft_count >= ?, 'suppressed', 'soft_bouncing')""",
                    soft, soft.size(), (ps, c) -> {
                        Timestamp at = Timestamp.from(c.at());
                        ps.setString(1, c.recipient());
                        ps.setInt(2, threshold);
                        ps.setTimestamp(3, at);
                        ps.setString(4, c.status());
                        ps.setString(5, c.reason());
                        ps.setTimestamp(6, at);
                        ps.setInt(7, threshold);
                        ps.setTimestamp(8, now);
                        ps.setInt(9, threshold);
                        ps.setString(10, c.reason());
                        ps.setTimestamp(11, now);
                        ps.setLong(12, windowSeconds);
                        ps.setInt(13, threshold);
                        ps.setInt(14, threshold);
                        ps.setInt(15, threshold);
                    });
        }
    }

    /** Committed messages of this folder that have not been moved yet (a crash between commit and move). */
    public List<PendingArchive> pendingArchive(String mailbox, String folder, long uidValidity) {
        return jdbc.query("""
                SELECT uid, target_folder FROM bounce_message
                 WHERE mailbox = ? AND folder = ? AND uid_validity = ? AND archived_at IS NULL
                 ORDER BY uid""", (rs, i) -> new PendingArchive(rs.getLong(1), rs.getString(2)),
                mailbox, folder, uidValidity);
    }

    /** The highest UID stored for the folder under this UIDVALIDITY, 0 when none. */
    public long highestStoredUid(String mailbox, String folder, long uidValidity) {
        Long max = jdbc.queryForObject("""
                SELECT MAX(uid) FROM bounce_message WHERE mailbox = ? AND folder = ? AND uid_validity = ?""",
                Long.class, mailbox, folder, uidValidity);
        return max == null ? 0 : max;
    }

    public int markArchived(String mailbox, String folder, long uidValidity, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return 0;
        }
        return named.update("""
                UPDATE bounce_message SET archived_at = :now
                 WHERE mailbox = :mailbox AND folder = :folder AND uid_validity = :uidValidity
                   AND uid IN (:uids) AND archived_at IS NULL""", new MapSqlParameterSource()
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("mailbox", mailbox)
                .addValue("folder", folder)
                .addValue("uidValidity", uidValidity)
                .addValue("uids", uids));
    }

    private record StateChange(String recipient, String status, String reason, Instant at) {
    }

    private record EventRow(ProcessedMessage message, int index, ClassifiedRecord classified) {
        void bind(PreparedStatement ps, Timestamp now) throws SQLException {
            MessageKey k = message.key();
            DeliveryRecord r = classified.record();
            String recipient = Columns.address(r.recipient());
            ps.setString(1, k.mailbox());
            ps.setString(2, k.folder());
            ps.setLong(3, k.uidValidity());
            ps.setLong(4, k.uid());
            ps.setInt(5, index);
            ps.setString(6, r.kind().code());
            ps.setString(7, recipient);
            ps.setString(8, Columns.domain(recipient));
            ps.setString(9, Columns.cut(Columns.address(r.originalRecipient()), 320));
            ps.setString(10, Columns.cut(classified.classification().status(), 16));
            ps.setString(11, Columns.cut(r.replyCode(), 8));
            ps.setString(12, classified.classification().bounceClass().code());
            ps.setString(13, classified.classification().reason().code());
            ps.setString(14, classified.classification().action().code());
            ps.setString(15, Columns.cut(classified.classification().rule(), 255));
            ps.setString(16, Columns.cut(r.action(), 32));
            ps.setString(17, Columns.cut(r.diagnostic(), 8000));
            ps.setString(18, Columns.cut(r.remoteMta(), 255));
            ps.setString(19, Columns.cut(r.reportingMta(), 255));
            ps.setString(20, Columns.cut(r.decoder(), 64));
            ps.setString(21, Columns.cut(message.original().messageId(), 255));
            ps.setString(22, Columns.cut(message.messageId(), 255));
            ps.setTimestamp(23, Timestamp.from(message.eventTime()));
            ps.setTimestamp(24, now);
        }
    }
}
