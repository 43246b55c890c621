package io.bouncesweeper.schedule;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduler mode end to end: Quartz's own trigger fires {@link SweepQuartzJob}, which runs the real
 * sweep of the definition on GreenMail; nothing in the test starts a run. The mail ends stored once
 * and archived. GreenMail, its mail and the clean tables are ready before the context (and so the
 * scheduler) starts, because the first fire comes at once; the context is closed after the class, so
 * its scheduler stops firing.
 */
@SpringBootTest(properties = {"mode=scheduler", "bounce-sweeper.jobs-dir=src/test/resources/jobs-fired"})
@DirtiesContext
class SchedulerFiresTheSweepTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP).withPerMethodLifecycle(false);

    static final List<byte[]> FIXTURES = SweepScenarios.allFixtures();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        MAILBOX.append("INBOX", FIXTURES);
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        for (String t : new String[]{"QRTZ_FIRED_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS"}) {
            jdbc.update("DELETE FROM " + t);
        }
        JobTestSupport.cleanDatabase(jdbc);
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, MAILBOX);
    }

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void quartzFiresTheRealSweepWhichStoresAndArchivesTheMail() throws Exception {
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.checkExists(JobKey.jobKey("every-second", SchedulerRunner.GROUP))).isTrue();
        int n = FIXTURES.size();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(MAILBOX.count("INBOX")).as("inbox").isZero();
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NOT NULL"))
                    .as("stored and archived").isEqualTo(n);
        });
        scheduler.standby();

        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).as("each stored once").isEqualTo(n);
        int archived = 0;
        for (String f : SweepScenarios.ARCHIVE_FOLDERS) {
            archived += MAILBOX.count(f);
        }
        assertThat(archived).isEqualTo(n);
        assertThat(JobTestSupport.count(jdbc, """
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.job_execution_id = e.job_execution_id
                 WHERE p.parameter_name = 'definition' AND p.parameter_value = 'every-second' AND e.status = 'COMPLETED'"""))
                .as("runs of the scheduled definition, started by Quartz").isGreaterThanOrEqualTo(1);
    }
}
