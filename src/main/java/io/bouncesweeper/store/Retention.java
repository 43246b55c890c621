package io.bouncesweeper.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Retention ({@code purge --older-than DURATION}, or {@code bounce-sweeper.purge.older-than} after each
 * sweep): drops the raw diagnostic and the stored original headers ({@code correlation}) of events
 * older than the cut-off and marks them {@code purged_at}. Kept: every row (its verdict and counts,
 * so the list state derives the same), the deciding event of each address whole (what {@code state}
 * and {@code suppressed_recipients} show as evidence), and {@code bounce_message} untouched (the
 * identities exactly-once needs). Pages of {@value #PAGE} events, each one transaction under the
 * recipient-state lock, so a sweep storing at the same time never has its new deciding event purged.
 */
public final class Retention {
    static final int PAGE = 5_000;
    private static final String PURGEABLE = """
             WHERE event_time < :cutoff AND purged_at IS NULL
               AND (diagnostic IS NOT NULL OR correlation IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM recipient_state s WHERE s.decided_by_event = bounce_event.id)""";

    private final NamedParameterJdbcTemplate named;
    private final RecipientStates states;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Retention(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        // only its lock is used: purging derives no state
        this.states = new RecipientStates(jdbc, new RecipientPolicy(ListPolicy.defaults()), clock);
        this.tx = tx;
        this.clock = clock;
    }

    /** @param dryRun count only, write nothing */
    public Result purge(Duration olderThan, boolean dryRun) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(olderThan);
        MapSqlParameterSource params = new MapSqlParameterSource("cutoff", Columns.utc(cutoff))
                .addValue("now", Columns.utc(now)).addValue("page", PAGE);
        long kept = count("""
                SELECT COUNT(*) FROM bounce_event e JOIN recipient_state s ON s.decided_by_event = e.id
                 WHERE e.event_time < :cutoff""", params);
        if (dryRun) {
            return new Result(cutoff, count("SELECT COUNT(*) FROM bounce_event " + PURGEABLE, params), kept, true);
        }
        long purged = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                states.lockUntilCompletion();
                return named.update("UPDATE bounce_event SET diagnostic = NULL, correlation = NULL, purged_at = :now "
                        + PURGEABLE + " LIMIT :page", params);
            });
            purged += n == null ? 0 : n;
            if (n == null || n < PAGE) {
                return new Result(cutoff, purged, kept, false);
            }
        }
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long n = named.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * @param events       events whose diagnostic and headers were (or, in a dry run, would be) dropped
     * @param keptDeciding events older than the cut-off kept whole because they decide an address's state
     */
    public record Result(Instant cutoff, long events, long keptDeciding, boolean dryRun) {
    }
}
