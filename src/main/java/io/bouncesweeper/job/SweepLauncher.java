package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the sweep once for the configured mailbox folder: takes the mailbox lock, recovers an
 * execution left STARTED by a killed process, restarts a failed one from its saved position, or
 * starts a new instance.
 */
public class SweepLauncher {
    private static final Logger log = LoggerFactory.getLogger(SweepLauncher.class);
    static final String DEFINITION = "definition";
    static final String MAILBOX = "mailbox";
    static final String FOLDER = "folder";
    static final String RUN = "run";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final DataSource dataSource;
    private final BounceSweeperProperties properties;
    private final RunStatistics statistics;

    public SweepLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, DataSource dataSource,
                         BounceSweeperProperties properties, RunStatistics statistics) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.dataSource = dataSource;
        this.properties = properties;
        this.statistics = statistics;
    }

    public SweepOutcome runOnce() throws Exception {
        String mailbox = properties.imap().mailbox();
        String folder = properties.imap().folder();
        Optional<MailboxLock> lock = MailboxLock.tryAcquire(dataSource, mailbox, folder);
        if (lock.isEmpty()) {
            log.error("another Bounce Sweeper run is working on {}/{}; this one stops without touching anything",
                    mailbox, folder);
            return SweepOutcome.ANOTHER_RUN_ACTIVE;
        }
        try (MailboxLock held = lock.get()) {
            JobExecution execution = jobOperator.start(job, parametersFor(mailbox, folder));
            log.info("{} {} for {}/{}: {}", job.getName(), properties.job().name(), mailbox, folder, execution.getStatus());
            for (Throwable t : execution.getAllFailureExceptions()) {
                log.error("run failed: {}", rootMessage(t));
            }
            return execution.getStatus() == BatchStatus.COMPLETED ? SweepOutcome.COMPLETED : SweepOutcome.FAILED;
        }
    }

    private JobParameters parametersFor(String mailbox, String folder) {
        String definition = properties.job().name();
        Optional<JobExecution> last = lastExecution(definition, mailbox, folder);
        if (last.isPresent()) {
            JobExecution previous = last.get();
            BatchStatus status = previous.getStatus();
            if (status.isRunning()) {
                // We hold the mailbox lock, so nobody runs it: a process was killed mid-run.
                log.warn("execution {} was left {} by a process that died; marking it failed and resuming it",
                        previous.getId(), status);
                jobOperator.recover(previous);
                return previous.getJobParameters();
            }
            if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
                log.info("resuming failed execution {} from its last committed position", previous.getId());
                return previous.getJobParameters();
            }
        }
        long run = last.map(e -> e.getJobParameters().getLong(RUN)).map(r -> r + 1).orElse(1L);
        return new JobParametersBuilder()
                .addString(DEFINITION, definition)
                .addString(MAILBOX, mailbox)
                .addString(FOLDER, folder)
                .addLong(RUN, run)
                .toJobParameters();
    }

    private Optional<JobExecution> lastExecution(String definition, String mailbox, String folder) {
        List<JobInstance> instances = jobRepository.getJobInstances(job.getName(), 0, 500);
        for (JobInstance instance : instances) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            if (execution == null) {
                continue;
            }
            JobParameters p = execution.getJobParameters();
            if (Objects.equals(definition, p.getString(DEFINITION)) && Objects.equals(mailbox, p.getString(MAILBOX))
                    && Objects.equals(folder, p.getString(FOLDER))) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? t.toString() : t.getMessage() + " (cause: " + root + ")";
    }

    RunStatistics statistics() {
        return statistics;
    }
}
