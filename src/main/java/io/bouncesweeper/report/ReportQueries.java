package io.bouncesweeper.report;

import io.bouncesweeper.report.ReportData.DailySeries;
import io.bouncesweeper.report.ReportData.DomainRow;
import io.bouncesweeper.report.ReportData.QuarantinedMessage;
import io.bouncesweeper.report.ReportData.ReasonRow;
import io.bouncesweeper.report.ReportData.SenderRow;
import io.bouncesweeper.report.ReportData.Series;
import io.bouncesweeper.report.ReportData.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's reads: bounce events by day, reason, recipient domain and sender-side cause, the
 * list state, releases and quarantined mail. Read-only; times are UTC as stored.
 */
public class ReportQueries {
    /** Written by the {@code unsuppress} command (sql V5); a database migrated before it has none. */
    static final String RELEASES_TABLE = "recipient_override";
    private static final String BOUNCES_IN_PERIOD =
            " kind = 'bounce' AND event_time >= :from AND event_time < :to ";
    private static final int MAX_SENDER_ROWS = 1000;

    private final JdbcClient jdbc;

    public ReportQueries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public ReportData.Summary summary(ReportPeriod p) {
        // Messages are counted by when the job read them: a bounce's own Date header can lie before the
        // period (old mail swept now), and counting by it made the card disagree with the mailbox.
        long messages = count("SELECT COUNT(*) FROM bounce_message WHERE processed_at >= :from AND processed_at < :to", p);
        long datedEarlier = count("""
                SELECT COUNT(*) FROM bounce_message
                 WHERE processed_at >= :from AND processed_at < :to AND event_time < :from""", p);
        long quarantined = count("""
                SELECT COUNT(*) FROM bounce_message
                 WHERE category = 'unparsed' AND event_time >= :from AND event_time < :to""", p);
        long[] bounces = jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(bounce_class = 'hard'), 0), COALESCE(SUM(bounce_class = 'soft'), 0),
                       COUNT(DISTINCT recipient), COALESCE(SUM(reason_group = 'sender'), 0)
                  FROM bounce_event WHERE""" + BOUNCES_IN_PERIOD)
                .param("from", p.from()).param("to", p.to())
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        Map<String, Long> states = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT status, COUNT(*) FROM recipient_state
                 WHERE status IN ('suppressed', 'complained') AND status_since >= :from AND status_since < :to
                 GROUP BY status""")
                .param("from", p.from()).param("to", p.to())
                .query(rs -> {
                    states.put(rs.getString(1), rs.getLong(2));
                });
        Long released = releasesRecorded()
                ? count("SELECT COUNT(*) FROM " + RELEASES_TABLE + " WHERE created_at >= :from AND created_at < :to", p)
                : null;
        return new ReportData.Summary(messages, datedEarlier, bounces[0], bounces[1], bounces[2], bounces[3], bounces[4],
                states.getOrDefault("suppressed", 0L), states.getOrDefault("complained", 0L), released, quarantined);
    }

    /** Bounces per day and class; hard and soft always present, in that order. */
    public DailySeries bouncesPerDay(ReportPeriod p) {
        return daily(p, """
                SELECT DATE(event_time), bounce_class, COUNT(*) FROM bounce_event WHERE""" + BOUNCES_IN_PERIOD + """
                 GROUP BY DATE(event_time), bounce_class""", List.of("hard", "soft"));
    }

    /** The most frequent (reason, action) pairs: a provider's rule may give one reason another action. */
    public List<ReasonRow> topReasons(ReportPeriod p, int top) {
        return jdbc.sql("""
                SELECT reason, reason_group, action, COUNT(*) AS events, COUNT(DISTINCT recipient)
                  FROM bounce_event WHERE""" + BOUNCES_IN_PERIOD + """
                 GROUP BY reason, reason_group, action ORDER BY events DESC, reason, action LIMIT :top""")
                .param("from", p.from()).param("to", p.to()).param("top", top)
                .query((rs, i) -> new ReasonRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        Advice.of(rs.getString(3)), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public List<DomainRow> topRecipientDomains(ReportPeriod p, int top) {
        return jdbc.sql("""
                SELECT recipient_domain, COUNT(*) AS events, SUM(bounce_class = 'hard'), SUM(bounce_class = 'soft')
                  FROM bounce_event WHERE recipient_domain IS NOT NULL AND""" + BOUNCES_IN_PERIOD + """
                 GROUP BY recipient_domain ORDER BY events DESC, recipient_domain LIMIT :top""")
                .param("from", p.from()).param("to", p.to()).param("top", top)
                .query((rs, i) -> new DomainRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Sender-side failures in the period by receiving provider, sending IP, reason and action. */
    public List<SenderRow> senderSide(ReportPeriod p) {
        return jdbc.sql(SENDER_ROWS_SELECT + " FROM bounce_event e WHERE e.reason_group = 'sender' AND e.kind = 'bounce'"
                        + " AND e.event_time >= :from AND e.event_time < :to" + SENDER_ROWS_GROUP)
                .param("from", p.from()).param("to", p.to()).param("max", MAX_SENDER_ROWS)
                .query(ReportQueries::senderRow).list();
    }

    /**
     * Sender-side failures stored by one run: every execution of the job instance, so a run resumed
     * after a failure counts what its first attempt stored too, and nothing twice.
     */
    public List<SenderRow> senderSideOfRun(long jobInstanceId) {
        return jdbc.sql(SENDER_ROWS_SELECT + " " + """
                         FROM bounce_event e
                         JOIN bounce_message m ON m.mailbox = e.mailbox AND m.folder = e.folder
                                              AND m.uid_validity = e.uid_validity AND m.uid = e.uid
                        WHERE e.reason_group = 'sender' AND e.kind = 'bounce'
                          AND m.job_execution_id IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION
                                                      WHERE JOB_INSTANCE_ID = :instance)""" + SENDER_ROWS_GROUP)
                .param("instance", jobInstanceId).param("max", MAX_SENDER_ROWS)
                .query(ReportQueries::senderRow).list();
    }

    private static final String SENDER_ROWS_SELECT = """
            SELECT e.remote_mta_domain, e.sender_ip, e.reason, e.action, COUNT(*) AS events,
                   COUNT(DISTINCT e.recipient), MIN(e.event_time), MAX(e.event_time)""";
    private static final String SENDER_ROWS_GROUP = " " + """
             GROUP BY e.remote_mta_domain, e.sender_ip, e.reason, e.action
             ORDER BY events DESC, e.remote_mta_domain, e.sender_ip LIMIT :max""";

    private static SenderRow senderRow(ResultSet rs, int i) throws SQLException {
        return new SenderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Advice.of(rs.getString(4)), rs.getLong(5), rs.getLong(6), instant(rs, 7), instant(rs, 8));
    }

    /** Suppressions in force by the day of their deciding event, and releases by the day they were made. */
    public DailySeries suppressionsPerDay(ReportPeriod p) {
        DailySeries made = daily(p, """
                SELECT DATE(status_since), status, COUNT(*) FROM recipient_state
                 WHERE status IN ('suppressed', 'complained') AND status_since >= :from AND status_since < :to
                 GROUP BY DATE(status_since), status""", List.of("suppressed", "complained"));
        if (!releasesRecorded()) {
            return made;
        }
        DailySeries released = daily(p, "SELECT DATE(created_at), 'released', COUNT(*) FROM " + RELEASES_TABLE
                + " WHERE created_at >= :from AND created_at < :to GROUP BY DATE(created_at)", List.of("released"));
        List<Series> all = new ArrayList<>(made.series());
        all.addAll(released.series());
        return new DailySeries(made.days(), all);
    }

    public boolean releasesRecorded() {
        return count("""
                SELECT COUNT(*) FROM information_schema.tables
                 WHERE table_schema = DATABASE() AND table_name = :table""", Map.of("table", RELEASES_TABLE)) > 0;
    }

    public DailySeries quarantinedPerDay(ReportPeriod p) {
        return daily(p, """
                SELECT DATE(event_time), 'quarantined', COUNT(*) FROM bounce_message
                 WHERE category = 'unparsed' AND event_time >= :from AND event_time < :to
                 GROUP BY DATE(event_time)""", List.of("quarantined"));
    }

    public List<Tally> quarantineErrors(ReportPeriod p, int top) {
        return jdbc.sql("""
                SELECT COALESCE(LEFT(error, 120), '(no error recorded)') AS why, COUNT(*) AS n FROM bounce_message
                 WHERE category = 'unparsed' AND event_time >= :from AND event_time < :to
                 GROUP BY why ORDER BY n DESC, why LIMIT :top""")
                .param("from", p.from()).param("to", p.to()).param("top", top)
                .query((rs, i) -> new Tally(rs.getString(1), rs.getLong(2))).list();
    }

    public List<QuarantinedMessage> latestQuarantined(ReportPeriod p, int top) {
        return jdbc.sql("""
                SELECT mailbox, folder, uid, event_time, LEFT(error, 200) FROM bounce_message
                 WHERE category = 'unparsed' AND event_time >= :from AND event_time < :to
                 ORDER BY event_time DESC, id DESC LIMIT :top""")
                .param("from", p.from()).param("to", p.to()).param("top", top)
                .query((rs, i) -> new QuarantinedMessage(rs.getString(1), rs.getString(2), rs.getLong(3),
                        instant(rs, 4), rs.getString(5))).list();
    }

    /**
     * One series per name in {@code always} plus any other name the query returns, each with one
     * value per day of the period; the query selects (day, series name, count).
     */
    private DailySeries daily(ReportPeriod p, String sql, List<String> always) {
        List<String> days = p.days();
        Map<String, Integer> dayIndex = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            dayIndex.put(days.get(i), i);
        }
        Map<String, long[]> series = new LinkedHashMap<>();
        always.forEach(name -> series.put(name, new long[days.size()]));
        jdbc.sql(sql).param("from", p.from()).param("to", p.to()).query(rs -> {
            Integer day = dayIndex.get(rs.getObject(1, java.time.LocalDate.class).toString());
            String name = rs.getString(2) == null ? "(none)" : rs.getString(2);
            if (day != null) {
                series.computeIfAbsent(name, n -> new long[days.size()])[day] += rs.getLong(3);
            }
        });
        List<Series> list = new ArrayList<>();
        series.forEach((name, values) -> list.add(new Series(name, java.util.Arrays.stream(values).boxed().toList())));
        return new DailySeries(days, list);
    }

    private long count(String sql, ReportPeriod p) {
        return count(sql, Map.of("from", p.from(), "to", p.to()));
    }

    private long count(String sql, Map<String, ?> params) {
        Long n = jdbc.sql(sql).params(params).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
