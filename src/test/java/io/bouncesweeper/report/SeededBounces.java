package io.bouncesweeper.report;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

/** Writes bounce rows straight into the real tables, so a report test knows every count it expects. */
final class SeededBounces {
    private final JdbcTemplate jdbc;
    private final AtomicLong uid = new AtomicLong();

    SeededBounces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void clean() {
        for (String table : new String[]{"bounce_event", "bounce_message", "recipient_state"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** One stored message with one bounce event. */
    void bounce(LocalDate day, String recipient, String bounceClass, String reason, String group, String action,
                String provider, String senderIp) {
        long u = uid.incrementAndGet();
        LocalDateTime at = day.atTime(10, 0).plusMinutes(u);
        message(u, at, "hard".equals(bounceClass) ? "hard" : "soft", null);
        jdbc.update("""
                INSERT INTO bounce_event (mailbox, folder, uid_validity, uid, record_index, kind, recipient,
                    recipient_domain, bounce_class, reason, action, reason_group, remote_mta_domain, sender_ip,
                    event_time, created_at)
                VALUES ('seed@test', 'INBOX', 1, ?, 1, 'bounce', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                u, recipient, recipient.substring(recipient.indexOf('@') + 1), bounceClass, reason, action, group,
                provider, senderIp, at, at);
    }

    void quarantined(LocalDate day, String error) {
        long u = uid.incrementAndGet();
        message(u, day.atTime(11, 0).plusMinutes(u), "unparsed", error);
    }

    void state(String recipient, String status, LocalDate since) {
        jdbc.update("""
                INSERT INTO recipient_state (recipient, status, status_since, updated_at) VALUES (?, ?, ?, ?)""",
                recipient, status, since.atTime(12, 0), since.atTime(12, 0));
    }

    private void message(long u, LocalDateTime at, String category, String error) {
        jdbc.update("""
                INSERT INTO bounce_message (mailbox, folder, uid_validity, uid, fingerprint, outcome, category,
                    target_folder, size_bytes, record_count, error, event_time, processed_at)
                VALUES ('seed@test', 'INBOX', 1, ?, ?, ?, ?, 'Bounces/Other', 1000, ?, ?, ?, ?)""",
                u, String.format("%064d", u), "unparsed".equals(category) ? "unparsed" : "parsed", category,
                "unparsed".equals(category) ? 0 : 1, error, at, at);
    }
}
