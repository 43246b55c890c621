package io.bouncesweeper.job;

import io.bouncesweeper.archive.MailArchiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Resets the counters when a run starts; prints the summary and frees the archive connection when it ends. */
public class SummaryListener implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(SummaryListener.class);

    private final RunStatistics statistics;
    private final MailArchiver archiver;

    public SummaryListener(RunStatistics statistics, MailArchiver archiver) {
        this.statistics = statistics;
        this.archiver = archiver;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        statistics.reset();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        archiver.close();
        log.info("{} ({})\n{}", jobExecution.getJobInstance().getJobName(), jobExecution.getStatus(), statistics.summary());
    }
}
