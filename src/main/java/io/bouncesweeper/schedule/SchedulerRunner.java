package io.bouncesweeper.schedule;

import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scheduler mode ({@code --bounce-sweeper.mode=SCHEDULER}): one Quartz cron trigger per job
 * definition that has a {@code schedule}, in a clustered JDBC JobStore. Every replica registers the
 * same triggers (replacing what is there, so a changed schedule takes effect) and the cluster fires
 * each once. Definitions removed from jobs/ lose their trigger.
 */
@Component
@ConditionalOnProperty(name = "bounce-sweeper.mode", havingValue = "SCHEDULER")
public class SchedulerRunner implements ApplicationRunner {
    static final String GROUP = "bounce-sweeper";
    private static final Logger log = LoggerFactory.getLogger(SchedulerRunner.class);

    private final Scheduler scheduler;
    private final JobDefinitions definitions;

    public SchedulerRunner(Scheduler scheduler, JobDefinitions definitions) {
        this.scheduler = scheduler;
        this.definitions = definitions;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        List<JobDefinition> scheduled = definitions.all().stream()
                .filter(d -> d.schedule() != null && !d.schedule().isBlank()).toList();
        Set<JobKey> wanted = new HashSet<>();
        for (JobDefinition d : scheduled) {
            JobKey key = JobKey.jobKey(d.name(), GROUP);
            wanted.add(key);
            JobDetail detail = JobBuilder.newJob(SweepQuartzJob.class).withIdentity(key)
                    .withDescription(d.description()).usingJobData(SweepQuartzJob.DEFINITION, d.name())
                    .storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(d.name(), GROUP))
                    .withSchedule(CronScheduleBuilder.cronSchedule(d.schedule())
                            .withMisfireHandlingInstructionFireAndProceed())
                    .forJob(key).build();
            scheduler.scheduleJob(detail, Set.of(trigger), true);
            log.info("scheduled job '{}' at '{}' (next fire {})", d.name(), d.schedule(), trigger.getFireTimeAfter(null));
        }
        for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(existing)) {
                scheduler.deleteJob(existing);
                log.info("removed the schedule of job '{}': its definition is gone or has no schedule", existing.getName());
            }
        }
        if (scheduled.isEmpty()) {
            log.warn("no job definition in the jobs folder has a schedule: the scheduler has nothing to do");
        }
        scheduler.start();
        log.info("scheduler started ({} scheduled job(s)); stop with SIGTERM", scheduled.size());
    }
}
