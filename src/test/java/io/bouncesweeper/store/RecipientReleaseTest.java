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
 * replays and reclassification; nothing is written for an address with nothing to release.
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
