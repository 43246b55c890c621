package io.bouncesweeper.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The suppression list for a list manager ({@code export}): the addresses in the given states, with
 * why and since when, in address order. Streams row by row (a list of millions never sits in
 * memory). Reads only.
 */
public final class SuppressionList {
    /** What a list manager must not mail. */
    public static final Set<RecipientStatus> SUPPRESSING = EnumSet.of(RecipientStatus.SUPPRESSED, RecipientStatus.COMPLAINED);

    private final NamedParameterJdbcTemplate named;

    public SuppressionList(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream the rows instead of reading them all first
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * @param since only addresses whose status dates from then or later; null for all
     * @return how many entries were passed on
     */
    public long forEach(Collection<RecipientStatus> states, Instant since, Consumer<Entry> each) {
        long[] n = {0};
        named.query("""
                SELECT recipient, status, status_reason, status_since FROM recipient_state
                 WHERE status IN (:states) AND (:since IS NULL OR status_since >= :since)
                 ORDER BY recipient""",
                new MapSqlParameterSource("states", states.stream().map(RecipientStatus::code).toList())
                        .addValue("since", Columns.utc(since)), rs -> {
                    each.accept(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), Columns.instant(rs, 4)));
                    n[0]++;
                });
        return n[0];
    }

    /** One address of the list: its state, why (a reason code, {@code complaint}) and since when. */
    public record Entry(String address, String state, String reason, Instant since) {
    }
}
