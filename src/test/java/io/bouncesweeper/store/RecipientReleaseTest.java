package io.bouncesweeper.store;

import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.StoredBounces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's release on MariaDB: the derived state honours it until a new failure after it, across
 * replays and reclassification; nothing is written for an address with nothing to release. And
 * retention: a purge keeps what the list state and exactly-once rest on.
 */
class RecipientReleaseTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant RELEASED_AT = T0.plus(2, ChronoUnit.DAYS);
    private static final String USER_UNKNOWN = "550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown";

    private JdbcTemplate jdbc;
    private StoredBounces stored;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        stored = new StoredBounces(jdbc);
    }

    @Test
    void aReleaseMakesTheAddressActiveUntilANewFailureAfterIt() {
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);
        assertThat(status("gone@example.net")).isEqualTo("suppressed");

        Releases.Released r = releases().release("Gone@Example.net", "moved back to the list by the customer", "ops");

        assertThat(r.before()).isEqualTo(RecipientStatus.SUPPRESSED);
        assertThat(r.now().status()).isEqualTo(RecipientStatus.ACTIVE);
        Map<String, Object> state = state("gone@example.net");
        assertThat(state).containsEntry("status", "active").containsEntry("status_reason", "released")
                .containsEntry("decided_by_override", r.release().id()).containsEntry("decided_by_event", null);
        assertThat((String) state.get("status_explanation")).isEqualTo("released by ops: moved back to the list by the customer");
        assertThat(jdbc.queryForMap("SELECT recipient, reason, released_status, requested_by FROM recipient_override"))
                .containsEntry("recipient", "gone@example.net").containsEntry("released_status", "suppressed")
                .containsEntry("requested_by", "ops");

        stored.bounce("gone@example.net", USER_UNKNOWN, T0.plus(1, ChronoUnit.DAYS)); // old mail, read late
        assertThat(status("gone@example.net")).as("a failure from before the release").isEqualTo("active");

        stored.bounce("gone@example.net", "452 4.2.2 Mailbox full", RELEASED_AT.plus(1, ChronoUnit.HOURS));
        assertThat(status("gone@example.net")).as("one soft bounce after it").isEqualTo("soft_bouncing");

        stored.bounce("gone@example.net", USER_UNKNOWN, RELEASED_AT.plus(1, ChronoUnit.DAYS));
        assertThat(state("gone@example.net")).containsEntry("status", "suppressed").containsEntry("status_reason", "userunknown")
                .containsEntry("decided_by_override", null);
        assertThat(jdbc.queryForObject("SELECT event_time FROM bounce_event WHERE id = "
                + "(SELECT decided_by_event FROM recipient_state WHERE recipient = 'gone@example.net')", LocalDateTime.class))
                .isEqualTo(LocalDateTime.ofInstant(RELEASED_AT.plus(1, ChronoUnit.DAYS), ZoneOffset.UTC));
    }

    @Test
    void aReleaseSurvivesReclassificationAndReplays() {
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);
        stored.complaint("angry@example.net", T0);
        releases().release("gone@example.net", "typo fixed by hand", null);
        releases().release("angry@example.net", "complaint withdrawn", null);
        jdbc.update("UPDATE bounce_event SET rules_version = 'old', reason = 'undefined'");

        Reclassifier.Result r = new Reclassifier(jdbc, VersionedClassifier.builtIn(), stored.settings(),
                stored.transactions(), Clock.fixed(RELEASED_AT.plusSeconds(60), ZoneOffset.UTC)).run(null, null, false);

        assertThat(r.changed()).isEqualTo(2);
        assertThat(status("gone@example.net")).isEqualTo("active");
        assertThat(status("angry@example.net")).isEqualTo("active");
        assertThat(jdbc.queryForObject("SELECT reason FROM bounce_event WHERE recipient = 'gone@example.net'", String.class))
                .isEqualTo("userunknown");

        new RecipientStates(jdbc, new RecipientPolicy(stored.settings().policy()), Clock.systemUTC())
                .recompute(java.util.List.of("gone@example.net", "angry@example.net"));
        assertThat(status("gone@example.net")).isEqualTo("active");
        assertThat(status("angry@example.net")).isEqualTo("active");
    }

    @Test
    void nothingIsWrittenForAnAddressWithNothingToRelease() {
        stored.bounce("full@example.net", "452 4.2.2 Mailbox full", T0);

        assertThatThrownBy(() -> releases().release("full@example.net", "why not", null))
                .isInstanceOfSatisfying(Releases.NothingToRelease.class,
                        e -> assertThat(e.status()).isEqualTo(RecipientStatus.SOFT_BOUNCING))
                .hasMessageContaining("full@example.net is soft_bouncing");
        assertThatThrownBy(() -> releases().release("nobody@example.net", "why not", null))
                .isInstanceOfSatisfying(Releases.NothingToRelease.class, e -> assertThat(e.status()).isNull())
                .hasMessageContaining("no list state is stored for nobody@example.net");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_override")).isZero();
    }

    @Test
    void aReleaseThatAFailureDatedLaterWouldUndoIsRefused() {
        stored.bounce("gone@example.net", USER_UNKNOWN, RELEASED_AT.plus(1, ChronoUnit.DAYS)); // a skewed Date header

        assertThatThrownBy(() -> releases().release("gone@example.net", "customer asked", null))
                .isInstanceOf(Releases.NothingToRelease.class).hasMessageContaining("stays suppressed");

        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_override")).isZero();
        assertThat(status("gone@example.net")).isEqualTo("suppressed");
    }

    @Test
    void purgeDropsOldDiagnosticsButKeepsDecidingEventsTheListStateAndMessageIdentities() {
        stored.bounce("gone@example.net", "452 4.2.2 Mailbox full", T0.minus(1, ChronoUnit.DAYS));
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);
        stored.bounce("blocked@example.net", "550 5.7.1 Message rejected as spam", T0);
        stored.autoReply("away@example.net", T0);
        Instant now = T0.plus(30, ChronoUnit.DAYS);
        stored.bounce("late@example.net", USER_UNKNOWN, now.minus(1, ChronoUnit.HOURS));
        jdbc.update("UPDATE bounce_event SET correlation = 'X-Tenant: acme'");
        long decider = jdbc.queryForObject("SELECT decided_by_event FROM recipient_state WHERE recipient = 'gone@example.net'",
                Long.class);
        String states = table("recipient_state");
        String messages = table("bounce_message");
        Retention retention = new Retention(jdbc, stored.transactions(), Clock.fixed(now, ZoneOffset.UTC));

        Retention.Result dry = retention.purge(java.time.Duration.ofDays(7), true);
        assertThat(dry.events()).isEqualTo(3);
        assertThat(dry.keptDeciding()).isEqualTo(1);
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_event WHERE purged_at IS NOT NULL")).isZero();

        Retention.Result r = retention.purge(java.time.Duration.ofDays(7), false);

        assertThat(r.events()).isEqualTo(3);
        assertThat(r.cutoff()).isEqualTo(now.minus(7, ChronoUnit.DAYS));
        assertThat(jdbc.queryForList("SELECT CONCAT(recipient, ' ', kind, ' ', diagnostic IS NULL, correlation IS NULL, "
                + "purged_at IS NOT NULL) FROM bounce_event ORDER BY id", String.class)).containsExactly(
                "gone@example.net bounce 111", "gone@example.net bounce 000", "blocked@example.net bounce 111",
                "away@example.net autoreply 111", "late@example.net bounce 000");
        assertThat(jdbc.queryForObject("SELECT diagnostic FROM bounce_event WHERE id = ?", String.class, decider))
                .isEqualTo(USER_UNKNOWN);
        assertThat(table("recipient_state")).isEqualTo(states);
        assertThat(table("bounce_message")).isEqualTo(messages);
        assertThat(retention.purge(java.time.Duration.ofDays(7), false).events()).as("a second purge").isZero();

        jdbc.update("UPDATE bounce_event SET rules_version = 'old'");
        new Reclassifier(jdbc, VersionedClassifier.builtIn(), stored.settings(), stored.transactions(),
                Clock.fixed(now, ZoneOffset.UTC)).run(null, null, false);
        assertThat(jdbc.queryForList("SELECT CONCAT(recipient, ' ', status, ' ', COALESCE(status_reason, '-')) "
                + "FROM recipient_state ORDER BY 1", String.class)).containsExactly("blocked@example.net active -",
                "gone@example.net suppressed userunknown", "late@example.net suppressed userunknown");
    }

    private String table(String name) {
        return jdbc.queryForList("SELECT * FROM " + name + " ORDER BY 1").toString();
    }

    private Releases releases() {
        return new Releases(jdbc, stored.settings(), stored.transactions(), Clock.fixed(RELEASED_AT, ZoneOffset.UTC));
    }

    private String status(String recipient) {
        return jdbc.queryForObject("SELECT status FROM recipient_state WHERE recipient = ?", String.class, recipient);
    }

    private Map<String, Object> state(String recipient) {
        return jdbc.queryForMap("""
                SELECT status, status_reason, status_explanation, decided_by_event, decided_by_override
                  FROM recipient_state WHERE recipient = ?""", recipient);
    }
}
