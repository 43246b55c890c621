package io.bouncesweeper.store;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Re-evaluates stored events with the current classifier and reason groups after a rule change,
 * then derives the state of every address concerned again. The record is rebuilt from the stored
 * columns (events stored before V4 lack the record's own status: their effective status stands in).
 * Phase one rewrites the verdicts that changed, one transaction per page of events; phase two
 * recomputes the addresses, one transaction per slice, running the operator's SQL for each change
 * of status. A second run changes nothing; an interrupted run is finished by the next one (phase
 * two always covers every address of the range). A dry run computes the same and writes nothing.
 */
public final class Reclassifier {
    private static final int PAGE = 1_000;
    private static final int SLICE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BounceClassifier classifier;
    private final StoreSettings settings;
    private final RecipientStates states;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reclassifier(JdbcTemplate jdbc, BounceClassifier classifier, StoreSettings settings, TransactionTemplate tx,
                        Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.classifier = classifier;
        this.settings = settings;
        this.states = new RecipientStates(jdbc, new RecipientPolicy(settings.policy()), clock);
        this.tx = tx;
        this.clock = clock;
    }

    /** @param since, before optional range of event days (UTC), as IMAP SINCE / BEFORE */
    public Result run(LocalDate since, LocalDate before, boolean dryRun) {
        Instant from = since == null ? Instant.EPOCH : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = before == null ? Instant.parse("9999-01-01T00:00:00Z") : before.atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<String> recipients = new LinkedHashSet<>();
        Map<Long, Verdict> overlay = new HashMap<>();
        long scanned = 0, changed = 0;
        long after = 0;
        while (true) {
            List<Row> page = page(after, from, to);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            scanned += page.size();
            List<Row> updates = new ArrayList<>();
            for (Row row : page) {
                if (row.recipient() != null && (row.kind() == RecordKind.BOUNCE || row.kind() == RecordKind.COMPLAINT)) {
                    recipients.add(row.recipient());
                }
                if (row.purged()) {
                    continue; // purge dropped its diagnostic: its evidence is gone, its verdict stands
                }
                Verdict now = verdictOf(row.record());
                if (!now.equals(row.verdict())) {
                    updates.add(row.with(now));
                    overlay.put(row.id(), now);
                }
            }
            changed += updates.size();
            if (!dryRun && !updates.isEmpty()) {
                tx.executeWithoutResult(s -> update(updates));
            }
        }
        List<ListPreview.Line> lines = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        List<String> all = new ArrayList<>(recipients);
        for (int i = 0; i < all.size(); i += SLICE) {
            List<String> slice = all.subList(i, Math.min(all.size(), i + SLICE));
            if (dryRun) {
                preview(slice, overlay, lines, transitions);
            } else {
                tx.executeWithoutResult(s -> {
                    List<StateHooks.Change> changes = states.recompute(slice);
                    settings.hooks().run(named, changes);
                    for (StateHooks.Change c : changes) {
                        String f = c.before() == null ? "new" : c.before().code();
                        transitions.merge(f + " → " + c.now().status().code(), 1, Integer::sum);
                        lines.add(line(f, c.now()));
                    }
                });
            }
        }
        return new Result(scanned, changed, recipients.size(), lines, transitions);
    }

    private void preview(List<String> slice, Map<Long, Verdict> overlay, List<ListPreview.Line> lines,
                         Map<String, Integer> transitions) {
        Map<String, List<EventFact>> facts = states.loadFacts(slice);
        Map<String, RecipientState> stored = states.loadStates(slice);
        Map<String, List<RecipientOverride>> overrides = states.loadOverrides(slice);
        for (String r : slice) {
            List<EventFact> list = new ArrayList<>();
            for (EventFact f : facts.getOrDefault(r, List.of())) {
                Verdict v = overlay.get(f.id());
                list.add(v == null ? f : f.withVerdict(v.classification().bounceClass(), v.classification().reason(),
                        v.classification().status()));
            }
            RecipientState now = states.policy().evaluate(r, list, overrides.getOrDefault(r, List.of()));
            RecipientState before = stored.get(r);
            if (now != null && (before == null || before.status() != now.status())) {
                String f = before == null ? "new" : before.status().code();
                transitions.merge(f + " → " + now.status().code(), 1, Integer::sum);
                lines.add(line(f, now));
            }
        }
    }

    private static ListPreview.Line line(String from, RecipientState s) {
        return new ListPreview.Line(s.recipient(), from, s.status().code(), s.explanation(), s.softCount(),
                s.hardCount(), s.senderIssueCount(), s.complaintCount());
    }

    private Verdict verdictOf(DeliveryRecord record) {
        Classification c = classifier.classify(record);
        return new Verdict(c, settings.policy().groups().of(c.reason()).code(), settings.rulesVersion());
    }

    private List<Row> page(long after, Instant from, Instant to) {
        return jdbc.query("""
                SELECT id, kind, recipient, original_recipient, dsn_action, record_status, status, reply_code, diagnostic,
                       remote_mta, reporting_mta, smtp_command, reason_hint, feedback_type, decoder,
                       bounce_class, reason, action, rule_name, reason_group, rules_version, purged_at
                  FROM bounce_event
                 WHERE id > ? AND event_time >= ? AND event_time < ?
                 ORDER BY id LIMIT ?""", (rs, i) -> {
            RecordKind kind = RecordKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
            String version = rs.getString("rules_version");
            String recordStatus = version != null ? rs.getString("record_status") : rs.getString("status");
            DeliveryRecord record = DeliveryRecord.builder(kind).recipient(rs.getString("recipient"))
                    .originalRecipient(rs.getString("original_recipient")).action(rs.getString("dsn_action"))
                    .status(recordStatus).replyCode(rs.getString("reply_code")).diagnostic(rs.getString("diagnostic"))
                    .remoteMta(rs.getString("remote_mta")).reportingMta(rs.getString("reporting_mta"))
                    .smtpCommand(rs.getString("smtp_command")).reasonHint(rs.getString("reason_hint"))
                    .feedbackType(rs.getString("feedback_type")).decoder(rs.getString("decoder"))
                    .diagnosticType(diagnosticTypeOf(rs.getString("rule_name"))).build();
            Classification stored = new Classification(
                    io.bouncesweeper.domain.BounceClass.valueOf(rs.getString("bounce_class").toUpperCase(Locale.ROOT)),
                    reason(rs.getString("reason")), action(rs.getString("action")), rs.getString("status"),
                    rs.getString("rule_name"));
            return new Row(rs.getLong("id"), kind, rs.getString("recipient"), record,
                    new Verdict(stored, rs.getString("reason_group"), version), rs.getObject("purged_at") != null);
        }, after, Timestamp.from(from), Timestamp.from(to), PAGE);
    }

    /**
     * The Diagnostic-Code type is not stored; a verdict it decided names it ("type:x-unix"), so a
     * reclassification keeps that evidence. (A type that did not decide the stored verdict is lost.)
     */
    static String diagnosticTypeOf(String ruleName) {
        return ruleName != null && ruleName.startsWith("type:") ? ruleName.substring("type:".length()) : null;
    }

    private void update(List<Row> rows) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                UPDATE bounce_event SET bounce_class = ?, reason = ?, action = ?, status = ?, rule_name = ?,
                       reason_group = ?, rules_version = ?, reclassified_at = ?
                 WHERE id = ?""", rows, rows.size(), (ps, r) -> {
            Classification c = r.verdict().classification();
            ps.setString(1, c.bounceClass().code());
            ps.setString(2, c.reason().code());
            ps.setString(3, c.action().code());
            ps.setString(4, Columns.cut(c.status(), 16));
            ps.setString(5, Columns.cut(c.rule(), 255));
            ps.setString(6, r.verdict().group());
            ps.setString(7, r.verdict().rulesVersion());
            ps.setTimestamp(8, now);
            ps.setLong(9, r.id());
        });
    }

    private static io.bouncesweeper.domain.Reason reason(String code) {
        try {
            return io.bouncesweeper.domain.Reason.ofCode(code);
        } catch (IllegalArgumentException e) {
            return io.bouncesweeper.domain.Reason.UNDEFINED;
        }
    }

    private static io.bouncesweeper.domain.OperatorAction action(String code) {
        try {
            return io.bouncesweeper.domain.OperatorAction.ofCode(code);
        } catch (IllegalArgumentException e) {
            return io.bouncesweeper.domain.OperatorAction.NONE;
        }
    }

    /** A verdict as stored: classification, reason group, rules version. */
    private record Verdict(Classification classification, String group, String rulesVersion) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Verdict v)) {
                return false;
            }
            Classification a = classification, b = v.classification;
            return a.bounceClass() == b.bounceClass() && a.reason() == b.reason() && a.action() == b.action()
                    && Objects.equals(Columns.cut(a.status(), 16), Columns.cut(b.status(), 16))
                    && Objects.equals(Columns.cut(a.rule(), 255), Columns.cut(b.rule(), 255))
                    && Objects.equals(group, v.group) && Objects.equals(rulesVersion, v.rulesVersion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classification.reason(), group);
        }
    }

    private record Row(long id, RecordKind kind, String recipient, DeliveryRecord record, Verdict verdict,
                       boolean purged) {
        Row with(Verdict v) {
            return new Row(id, kind, recipient, record, v, purged);
        }
    }

    /**
     * @param scanned    events read
     * @param changed    events whose verdict changed
     * @param recipients addresses whose state was derived again
     * @param lines      addresses whose status changed, from → to
     */
    public record Result(long scanned, long changed, int recipients, List<ListPreview.Line> lines,
                         Map<String, Integer> transitions) {
    }
}
