package io.bouncesweeper.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Resets the counters when a run starts; prints the summary when it ends. */
public class SummaryListener implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(SummaryListener.class);

    private final RunStatistics statistics;

    public SummaryListener(RunStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        statistics.reset();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        statistics.runFinished(jobExecution.getJobParameters().getString(SweepLauncher.DEFINITION), jobExecution.getStatus());
        log.info("{} ({})\n{}", jobExecution.getJobInstance().getJobName(), jobExecution.getStatus(), statistics.summary());
    }
}
