package io.bouncesweeper;

import io.bouncesweeper.job.SweepOutcome;
import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.support.SweepScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bounce-sweeper.purge.older-than} runs the retention after a sweep (GreenMail, MariaDB): events
 * older than the setting lose their diagnostic, deciding events and recent ones keep theirs.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.purge.older-than=1d"})
@ExtendWith(OutputCaptureExtension.class)
class PurgeAfterSweepTest extends GreenMailJobTest {
    private static final String OLD = " FROM bounce_event e WHERE e.event_time < UTC_TIMESTAMP() - INTERVAL 1 DAY ";
    private static final String DECIDING = " EXISTS (SELECT 1 FROM recipient_state s WHERE s.decided_by_event = e.id) ";

    @Test
    void thePurgeSettingPurgesOldEventsAfterTheSweep(CapturedOutput output) throws Exception {
        new SweepScenarios(MAILBOX, launcher, jdbc).sweepAllFixtures();
        MAILBOX.append("INBOX", List.of(bounceDatedNow()));
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(output.getOut()).containsPattern("purge \\(bounce-sweeper.purge.older-than=PT24H\\): diagnostics and "
                + "headers dropped from [1-9]\\d* event\\(s\\)");
        assertThat(count("SELECT COUNT(*)" + OLD + "AND NOT" + DECIDING))
                .as("the fixtures are dated days ago").isPositive();
        assertThat(count("SELECT COUNT(*)" + OLD + "AND NOT" + DECIDING + "AND (e.purged_at IS NULL OR e.diagnostic IS NOT NULL)"))
                .as("old events that decide nothing lost their diagnostic").isZero();
        assertThat(count("SELECT COUNT(*)" + OLD + "AND" + DECIDING)).as("some old events decide a state").isPositive();
        assertThat(count("SELECT COUNT(*)" + OLD + "AND" + DECIDING + "AND e.purged_at IS NOT NULL"))
                .as("deciding events kept whole").isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE event_time >= UTC_TIMESTAMP() - INTERVAL 1 DAY "
                + "AND diagnostic IS NOT NULL AND purged_at IS NULL")).as("today's bounce keeps its diagnostic").isPositive();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE event_time >= UTC_TIMESTAMP() - INTERVAL 1 DAY "
                + "AND purged_at IS NOT NULL")).as("recent events untouched").isZero();
    }

    /** A fixture bounce re-dated to now, under a Message-ID of its own, so that it is new mail, not a copy. */
    private static byte[] bounceDatedNow() {
        String mail = new String(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"), StandardCharsets.UTF_8);
        String now = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        mail = mail.replaceFirst("(?m)^Date: .*$", "Date: " + now)
                .replaceFirst("(?m)^Message-Id: .*$", "Message-Id: <purge-test-today@mta1.bouncesweeper.test>")
                .replace("alice@example.net", "today@example.net");
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
