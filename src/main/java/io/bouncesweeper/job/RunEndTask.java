package io.bouncesweeper.job;

import io.bouncesweeper.config.JobDefinition;
import org.springframework.batch.core.job.JobExecution;

/**
 * Work done once a run of a definition has ended and its results are committed: the sender-side
 * alerts, the run's HTML report. Called on the run's thread, in scheduler mode too; a task that
 * fails logs why and returns the outcome it was given, it never throws.
 */
public interface RunEndTask {

    /**
     * @param execution the run's last execution (its job instance holds every attempt)
     * @param outcome   the outcome so far
     * @return the outcome the run reports: {@code outcome} itself, or a graver one
     */
    SweepOutcome afterRun(JobDefinition definition, JobExecution execution, SweepOutcome outcome);
}
