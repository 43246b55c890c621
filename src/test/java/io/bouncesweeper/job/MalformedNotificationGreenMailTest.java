package io.bouncesweeper.job;

import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.GreenMailJobTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken Amazon SES notifications through the whole job (GreenMail, MariaDB): each goes to
 * quarantine with the JSON defect as its error, and the mail around them is read as usual.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class MalformedNotificationGreenMailTest extends GreenMailJobTest {

    @Test
    void aMalformedNotificationIsQuarantinedWithItsDefectAndTheRunGoesOn() throws Exception {
        // chunk size 4 (test-sweep): the broken ones sit in the first chunk, good mail on both sides of them
        MAILBOX.append("INBOX", List.of(
                Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"),
                Fixtures.bytes("ses/notification-broken-literal.eml"),
                Fixtures.bytes("ses/notification-truncated.eml"),
                Fixtures.bytes("ses/bounce-notification.eml"),
                Fixtures.bytes("dsn-552-5.2.3-message-too-large.eml")));

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(MAILBOX.count("Bounces/Unparsed")).isEqualTo(2);
        assertThat(jdbc.queryForList("""
                SELECT message_id FROM bounce_message
                 WHERE category = 'unparsed' AND error LIKE 'malformed AmazonSES report: its JSON does not parse%'
                 ORDER BY message_id""", String.class))
                .containsExactly("<ses-bounce-broken@email.amazonses.com>", "<ses-bounce-cut@email.amazonses.com>");
        assertThat(jdbc.queryForObject("SELECT error FROM bounce_message WHERE message_id = ?", String.class,
                "<ses-bounce-broken@email.amazonses.com>")).contains("txyz");
        assertThat(count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE recipient = 'gone@example.net' AND status = '5.1.1'"))
                .as("the well-formed notification after the broken ones").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'bounce'")).isEqualTo(3);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
