package io.bouncesweeper.schedule;

import io.bouncesweeper.job.RunRequest;
import io.bouncesweeper.job.SweepLauncher;
import io.bouncesweeper.job.SweepOutcome;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fire of a job definition's schedule: an ordinary run of that definition. Quartz's cluster
 * gives each fire to one replica; the run's own job lock guards against anything else.
 */
@DisallowConcurrentExecution
public class SweepQuartzJob implements Job {
    static final String DEFINITION = "definition";
    private static final Logger log = LoggerFactory.getLogger(SweepQuartzJob.class);

    private final SweepLauncher launcher;

    public SweepQuartzJob(SweepLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String definition = context.getMergedJobDataMap().getString(DEFINITION);
        try {
            SweepOutcome outcome = launcher.run(RunRequest.of(definition));
            log.info("scheduled run of '{}' (fire {}) ended: {}", definition, context.getFireInstanceId(), outcome);
        } catch (Exception e) {
            log.error("scheduled run of '{}' could not run: {}", definition, e.getMessage());
            throw new JobExecutionException(e, false);
        }
    }
}
