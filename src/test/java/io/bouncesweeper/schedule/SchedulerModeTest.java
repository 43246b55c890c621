package io.bouncesweeper.schedule;

import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduler mode registers one cron trigger per scheduled definition and starts the clustered scheduler. */
@SpringBootTest(properties = {"mode=scheduler", "bounce-sweeper.jobs-dir=src/test/resources/jobs-scheduled",
        "bounce-sweeper.imap.host=127.0.0.1", "bounce-sweeper.imap.user=u", "bounce-sweeper.imap.password=p"})
class SchedulerModeTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MigratedDatabase.jdbc().update("DELETE FROM QRTZ_CRON_TRIGGERS");
        MigratedDatabase.jdbc().update("DELETE FROM QRTZ_TRIGGERS");
        MigratedDatabase.jdbc().update("DELETE FROM QRTZ_JOB_DETAILS");
        JobTestSupport.database(registry);
    }

    @Autowired
    Scheduler scheduler;

    @Test
    void registersScheduledDefinitionsAndStarts() throws Exception {
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerRunner.GROUP)))
                .containsExactly(JobKey.jobKey("yearly", SchedulerRunner.GROUP));
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("yearly", SchedulerRunner.GROUP));
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 3 1 1 ? 2099");
    }
}
