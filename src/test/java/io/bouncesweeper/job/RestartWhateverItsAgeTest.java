package io.bouncesweeper.job;

import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.GreenMailJobTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed run is resumed however many job instances came after it: hundreds of its own earlier
 * runs below it and hundreds of another definition's runs above it in the job repository.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class RestartWhateverItsAgeTest extends GreenMailJobTest {
    static final int EARLIER_RUNS = 600;
    static final int LATER_INSTANCES = 600;

    @Autowired
    JobRepository repository;

    @Test
    void aFailedRunOlderThanHundredsOfOtherInstancesIsResumedNotStartedAfresh() throws Exception {
        MAILBOX.append("INBOX", List.of(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"),
                Fixtures.bytes("dsn-452-4.2.2-mailbox-full.eml")));
        for (long run = 1; run <= EARLIER_RUNS; run++) { // only the latest run's executions matter to a restart
            repository.createJobInstance(SweepJobFactory.JOB_NAME, parameters("test-sweep", run));
        }
        JobParameters failedRun = parameters("test-sweep", EARLIER_RUNS + 1);
        JobInstance failed = repository.createJobInstance(SweepJobFactory.JOB_NAME, failedRun);
        JobExecution execution = repository.createJobExecution(failed, failedRun, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusDays(40));
        execution.setEndTime(LocalDateTime.now().minusDays(40));
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED);
        repository.update(execution);
        for (long run = 1; run <= LATER_INSTANCES; run++) {
            repository.createJobInstance(SweepJobFactory.JOB_NAME, parameters("test-two-folders", run));
        }
        long instances = repository.getJobInstanceCount(SweepJobFactory.JOB_NAME);

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(repository.getJobInstanceCount(SweepJobFactory.JOB_NAME)).as("no new instance").isEqualTo(instances);
        List<JobExecution> executions = repository.getJobExecutions(failed);
        assertThat(executions).hasSize(2);
        assertThat(repository.getLastJobExecution(failed).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bounce_message", Integer.class)).isEqualTo(2);
    }

    /** What {@link SweepLauncher} identifies a run of a definition by (no overrides). */
    private static JobParameters parameters(String definition, long run) {
        return new JobParametersBuilder().addString(SweepLauncher.DEFINITION, definition)
                .addLong(SweepLauncher.RUN, run).toJobParameters();
    }
}
