package io.bouncesweeper.store;

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
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * JDBC writes of one chunk: message rows, event rows and recipient state, each as one batch
 * (rewritten by Connector/J into multi-row statements). It runs inside the chunk's transaction;
 * idempotence comes from checking identities first, so a replayed message writes nothing, and
 * recipient state is derived from the stored events (see {@link RecipientPolicy}).
 */
public class BounceStore {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final StoreSettings settings;
    private final RecipientStates states;
    private final Clock clock;

    /** The given soft-bounce knobs, everything else as default. */
    public BounceStore(JdbcTemplate jdbc, SoftBouncePolicy policy, Clock clock) {
        this(jdbc, StoreSettings.defaults().with(ListPolicy.of(policy)), clock);
    }

    public BounceStore(JdbcTemplate jdbc, StoreSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.settings = settings;
        this.states = new RecipientStates(jdbc, new RecipientPolicy(settings.policy()), clock);
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
                        OR fingerprint IN (:fingerprints))
                 LOCK IN SHARE MODE""", params, rs -> {
            keys.add(new MessageKey(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            seen.add(rs.getString(5));
        });
        return new ProcessedIdentities(keys, seen);
    }

    public void insertMessages(List<ProcessedMessage> messages, Function<ProcessedMessage, String> targetFolder,
                               Long jobExecutionId) {
        states.lockUntilCompletion(); // before any row lock: see RecipientStates.recompute
        LocalDateTime now = Columns.utc(clock.instant());
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
            ps.setObject(13, Columns.utc(m.eventTime()));
            ps.setObject(14, now);
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
            Correlation c = settings.correlation();
            Map<String, String> h = m.original().headers();
            Correlated correlated = new Correlated(c.header(h, c.campaignHeader()), c.header(h, c.subscriberHeader()),
                    c.header(h, c.listHeader()), c.extra(h), c.verpRecipient(returnPaths(m)), c.senderDomain(h));
            for (int i = 0; i < m.records().size(); i++) {
                ClassifiedRecord r = m.records().get(i);
                rows.add(new EventRow(m, i + 1, r, correlated,
                        settings.policy().groups().of(r.classification().reason()), settings.rulesVersion()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        LocalDateTime now = Columns.utc(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO bounce_event (mailbox, folder, uid_validity, uid, record_index, kind, recipient,
                    recipient_domain, original_recipient, status, reply_code, bounce_class, reason, action, rule_name,
                    dsn_action, diagnostic, remote_mta, reporting_mta, decoder, original_message_id,
                    bounce_message_id, event_time, created_at, record_status, smtp_command, reason_hint, feedback_type,
                    reason_group, rules_version, remote_mta_domain, sender_domain, sender_ip, campaign_id,
                    subscriber_id, list_id, verp_recipient, correlation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, rows.size(), (ps, row) -> row.bind(ps, now));
    }

    /**
     * Brings the list state of every address these messages concern up to date: derived again from
     * all its stored events (these included), so a replay changes nothing. Runs the operator's SQL
     * for each change of status, in the same transaction.
     *
     * @return the changes of status
     */
    public List<StateHooks.Change> applyRecipientState(List<ProcessedMessage> messages) {
        List<StateHooks.Change> changes = states.recompute(recipientsOf(messages));
        settings.hooks().run(named, changes);
        return changes;
    }

    /** The addresses whose list state these messages may change (bounces, complaints and postmaster copies). */
    public Set<String> recipientsOf(List<ProcessedMessage> messages) {
        Set<String> recipients = new LinkedHashSet<>();
        for (ProcessedMessage m : messages) {
            String verp = settings.correlation().verpRecipient(returnPaths(m));
            for (ClassifiedRecord r : m.records()) {
                RecordKind kind = r.record().kind();
                String recipient = recipientOf(r.record(), verp);
                if (recipient != null && RecipientPolicy.concernsTheList(kind)) {
                    recipients.add(recipient);
                }
            }
        }
        return recipients;
    }

    public RecipientStates states() {
        return states;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** The record's recipient, else the one its VERP return path names. */
    static String recipientOf(DeliveryRecord r, String verpRecipient) {
        String a = Columns.address(r.recipient());
        return a != null ? a : verpRecipient;
    }

    static List<String> returnPaths(ProcessedMessage m) {
        List<String> c = new ArrayList<>(m.bounceRecipients());
        String rp = m.original().headers().get("Return-Path");
        if (rp != null) {
            c.add(rp);
        }
        return c;
    }

    /** Committed messages of this folder that have not been moved yet (a crash between commit and move). */
    public List<PendingArchive> pendingArchive(String mailbox, String folder, long uidValidity) {
        return jdbc.query("""
                SELECT uid, target_folder FROM bounce_message
                 WHERE mailbox = ? AND folder = ? AND uid_validity = ? AND archived_at IS NULL
                 ORDER BY uid""", (rs, i) -> new PendingArchive(rs.getLong(1), rs.getString(2)),
                mailbox, folder, uidValidity);
    }

    /** Whether any committed message of the folder (under any UIDVALIDITY) still waits to be moved. */
    public boolean hasPendingArchive(String mailbox, String folder) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM bounce_message
                                WHERE mailbox = ? AND folder = ? AND archived_at IS NULL)""", Boolean.class, mailbox, folder));
    }

    /** The highest UID stored for the folder under this UIDVALIDITY, 0 when none. */
    public long highestStoredUid(String mailbox, String folder, long uidValidity) {
        return highestStoredUid(mailbox, folder, uidValidity, Long.MAX_VALUE);
    }

    /** The same, among UIDs up to {@code upTo}: the position of one part of a folder split by UID range. */
    public long highestStoredUid(String mailbox, String folder, long uidValidity, long upTo) {
        Long max = jdbc.queryForObject("""
                SELECT MAX(uid) FROM bounce_message WHERE mailbox = ? AND folder = ? AND uid_validity = ? AND uid <= ?""",
                Long.class, mailbox, folder, uidValidity, upTo);
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
                .addValue("now", Columns.utc(clock.instant()))
                .addValue("mailbox", mailbox)
                .addValue("folder", folder)
                .addValue("uidValidity", uidValidity)
                .addValue("uids", uids));
    }

    /** What ties one message's events to the sent mail. */
    private record Correlated(String campaignId, String subscriberId, String listId, String extra,
                              String verpRecipient, String senderDomain) {
    }

    private record EventRow(ProcessedMessage message, int index, ClassifiedRecord classified, Correlated correlated,
                            ReasonGroup group, String rulesVersion) {
        void bind(PreparedStatement ps, LocalDateTime now) throws SQLException {
            MessageKey k = message.key();
            DeliveryRecord r = classified.record();
            String recipient = recipientOf(r, correlated.verpRecipient());
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
            ps.setObject(23, Columns.utc(message.eventTime()));
            ps.setObject(24, now);
            ps.setString(25, Columns.cut(r.status(), 32));
            ps.setString(26, Columns.cut(r.smtpCommand(), 16));
            ps.setString(27, Columns.cut(r.reasonHint(), 32));
            ps.setString(28, Columns.cut(r.feedbackType(), 64));
            ps.setString(29, group.code());
            ps.setString(30, rulesVersion);
            ps.setString(31, Correlation.providerOf(r.remoteMta()));
            ps.setString(32, correlated.senderDomain());
            ps.setString(33, group == ReasonGroup.SENDER ? Correlation.senderIp(r.diagnostic(), r.remoteMta()) : null);
            ps.setString(34, Columns.cut(correlated.campaignId(), 255));
            ps.setString(35, Columns.cut(correlated.subscriberId(), 255));
            ps.setString(36, Columns.cut(correlated.listId(), 255));
            ps.setString(37, correlated.verpRecipient());
            ps.setString(38, Columns.cut(correlated.extra(), 8000));
        }
    }
}
