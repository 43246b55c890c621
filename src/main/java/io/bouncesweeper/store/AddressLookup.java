package io.bouncesweeper.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Finds what is stored about one address ({@code state ADDRESS}): the stored list state exactly as a
 * list manager sees it (never derived again here), its events and its releases. Reads only.
 */
public final class AddressLookup {
    private final JdbcTemplate jdbc;
    private final RecipientStates states;

    public AddressLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // only its loaders are used: they read what was stored, whatever policy derived it
        this.states = new RecipientStates(jdbc, new RecipientPolicy(ListPolicy.defaults()), Clock.systemUTC());
    }

    /** @return empty when nothing at all is stored about the address */
    public Optional<AddressHistory> find(String address) {
        String a = Columns.address(address);
        if (a == null) {
            return Optional.empty();
        }
        RecipientState state = states.loadStates(List.of(a)).get(a);
        List<RecipientOverride> releases = states.loadOverrides(List.of(a)).getOrDefault(a, List.of()).stream()
                .sorted(java.util.Comparator.comparing(RecipientOverride::at).thenComparingLong(RecipientOverride::id))
                .toList();
        List<AddressHistory.Event> events = jdbc.query("""
                SELECT id, event_time, kind, bounce_class, reason, status, reply_code, reason_group, rule_name,
                       diagnostic, mailbox, folder, uid, purged_at
                  FROM bounce_event WHERE recipient = ? ORDER BY event_time, id""", (rs, i) -> new AddressHistory.Event(
                rs.getLong("id"), Columns.instant(rs, "event_time"), rs.getString("kind"), rs.getString("bounce_class"),
                rs.getString("reason"), rs.getString("status"), rs.getString("reply_code"), rs.getString("reason_group"),
                rs.getString("rule_name"), rs.getString("diagnostic"),
                rs.getString("mailbox") + " " + rs.getString("folder") + " UID " + rs.getLong("uid"),
                Columns.instant(rs, "purged_at")), a);
        if (state == null && events.isEmpty() && releases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AddressHistory(a, state, events, releases));
    }
}
