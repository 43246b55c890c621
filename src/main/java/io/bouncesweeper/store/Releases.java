package io.bouncesweeper.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An operator's release of a suppressed or complained address ({@code unsuppress}): one
 * {@code recipient_override} row, dated now, with its reason; then the address is derived again by
 * {@link RecipientPolicy}, which honours the release, and the job's own SQL for the new status runs
 * (so the subscribers table follows), all in one transaction under the recipient-state lock. Events
 * up to the release no longer count; a later failure suppresses the address again.
 */
public final class Releases {
    private final JdbcTemplate jdbc;
    private final RecipientStates states;
    private final StateHooks hooks;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Releases(JdbcTemplate jdbc, StoreSettings settings, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.states = new RecipientStates(jdbc, new RecipientPolicy(settings.policy()), clock);
        this.hooks = settings.hooks();
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param requestedBy who asked (the OS user), or null
     * @throws NothingToRelease when the address is unknown or not suppressed; nothing is written then
     */
    public Released release(String address, String reason, String requestedBy) {
        String a = Columns.address(address);
        if (a == null) {
            throw new IllegalArgumentException("'" + address + "' is no address");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a release needs a reason");
        }
        return tx.execute(s -> {
            states.lockUntilCompletion();
            List<RecipientStatus> found = jdbc.query("SELECT status FROM recipient_state WHERE recipient = ? FOR UPDATE",
                    (rs, i) -> RecipientStatus.ofCode(rs.getString(1)), a);
            if (found.isEmpty()) {
                throw new NothingToRelease(a, null, "no list state is stored for " + a);
            }
            RecipientStatus before = found.get(0);
            if (!before.isFinal()) {
                throw new NothingToRelease(a, before, a + " is " + before.code() + ", not suppressed or complained: "
                        + "nothing to release");
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long id = insert(a, reason.strip(), before, requestedBy, at);
            List<StateHooks.Change> changes = states.recompute(List.of(a));
            hooks.run(new NamedParameterJdbcTemplate(jdbc), changes);
            RecipientState now = states.loadStates(List.of(a)).get(a);
            if (now.status().isFinal()) {
                // an event dated after now (a skewed Date header) decides again: the release would change nothing
                throw new NothingToRelease(a, now.status(), a + " stays " + now.status().code() + ": event #"
                        + now.decidedByEventId() + " is dated " + now.since() + ", after this release");
            }
            return new Released(new RecipientOverride(id, a, at, reason.strip(), before, requestedBy), before, now);
        });
    }

    private long insert(String address, String reason, RecipientStatus released, String requestedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO recipient_override (recipient, reason, released_status, requested_by, created_at)
                    VALUES (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, address);
            ps.setString(2, Columns.cut(reason, 1000));
            ps.setString(3, released.code());
            ps.setString(4, Columns.cut(requestedBy, 255));
            ps.setObject(5, Columns.utc(at));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** A release made: the status it lifted and the state derived with it. */
    public record Released(RecipientOverride release, RecipientStatus before, RecipientState now) {
    }

    /** The address is unknown ({@code status} null) or not suppressed; nothing was written. */
    public static final class NothingToRelease extends RuntimeException {
        private final String address;
        private final RecipientStatus status;

        NothingToRelease(String address, RecipientStatus status, String message) {
            super(message);
            this.address = address;
            this.status = status;
        }

        public String address() {
            return address;
        }

        /** @return null when nothing is stored about the address */
        public RecipientStatus status() {
            return status;
        }
    }
}
