package io.bouncesweeper.schedule;

import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two schedulers in one cluster on one MariaDB, configured with the application's own Quartz
 * settings (application.yml): every fire of a trigger runs exactly once.
 */
class QuartzClusterTest {
    static final Map<Long, AtomicInteger> runsPerFireTime = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> runsPerNode = new ConcurrentHashMap<>();

    private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

    /** Stands in for the sweep: records which scheduled fire it served, and on which node. */
    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            runsPerFireTime.computeIfAbsent(context.getScheduledFireTime().getTime(), t -> new AtomicInteger()).incrementAndGet();
            try {
                runsPerNode.computeIfAbsent(context.getScheduler().getSchedulerInstanceId(), n -> new AtomicInteger())
                        .incrementAndGet();
                Thread.sleep(300); // the job's work: long enough that a second node would overlap if it took the same fire
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @BeforeEach
    void cleanQuartzTables() {
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        for (String t : new String[]{"QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE",
                "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS",
                "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS", "QRTZ_LOCKS"}) {
            jdbc.update("DELETE FROM " + t);
        }
        runsPerFireTime.clear();
        runsPerNode.clear();
    }

    @AfterEach
    void stop() throws Exception {
        for (SchedulerFactoryBean node : nodes) {
            node.destroy();
        }
    }

    @Test
    void eachFireRunsOnceAcrossTheCluster() throws Exception {
        Scheduler a = node("node-a");
        Scheduler b = node("node-b");
        a.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("nightly-cleanup", "bounce-sweeper").build(),
                TriggerBuilder.newTrigger().withIdentity("nightly-cleanup", "bounce-sweeper")
                        .withSchedule(CronScheduleBuilder.cronSchedule("* * * * * ?").withMisfireHandlingInstructionDoNothing())
                        .build());
        a.start();
        b.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(MigratedDatabase.jdbc().queryForList(
                    "SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? ORDER BY INSTANCE_NAME", String.class,
                    applicationQuartzSetting("scheduler-name")))
                    .as("both nodes check in to the cluster").containsExactly("node-a", "node-b");
            assertThat(runsPerFireTime).as("fires served").hasSizeGreaterThanOrEqualTo(4);
        });
        a.standby();
        b.standby();
        // no new fire starts in standby; the ones under way finish before their runs are counted
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.getCurrentlyExecutingJobs().isEmpty() && b.getCurrentlyExecutingJobs().isEmpty());

        assertThat(runsPerFireTime).as("fires served").hasSizeGreaterThanOrEqualTo(4);
        assertThat(runsPerFireTime.values()).as("runs per fire").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    private Scheduler node(String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(MigratedDatabase.dataSource());
        factory.setSchedulerName(applicationQuartzSetting("scheduler-name"));
        Properties properties = applicationQuartzProperties();
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        factory.setQuartzProperties(properties);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        nodes.add(factory);
        return factory.getScheduler();
    }

    /** The org.quartz.* settings the application runs with, read from its application.yml. */
    static Properties applicationQuartzProperties() {
        Properties quartz = new Properties();
        String prefix = "spring.quartz.properties.";
        applicationYaml().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith(prefix)) {
                quartz.setProperty(key.substring(prefix.length()), v.toString());
            }
        });
        assertThat(quartz.getProperty("org.quartz.jobStore.isClustered")).isEqualTo("true");
        return quartz;
    }

    static String applicationQuartzSetting(String name) {
        return applicationYaml().getProperty("spring.quartz." + name);
    }

    private static Properties applicationYaml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
