package io.bouncesweeper.report;

import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.job.RunEndTask;
import io.bouncesweeper.job.RunStatistics;
import io.bouncesweeper.job.SweepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.util.List;

/**
 * At the end of a run: one WARN per provider whose sender-side failures stored by the run reach the
 * definition's {@code alerts.sender-side-threshold}, counted in the metrics (through the run's
 * observer); with {@code alerts.fail-run} a completed run then reports {@link SweepOutcome#SENDER_SIDE_ALERT}.
 */
public class SenderSideAlerts implements RunEndTask {
    private static final Logger log = LoggerFactory.getLogger(SenderSideAlerts.class);

    private final ReportQueries queries;
    private final RunStatistics statistics;

    public SenderSideAlerts(ReportQueries queries, RunStatistics statistics) {
        this.queries = queries;
        this.statistics = statistics;
    }

    @Override
    public SweepOutcome afterRun(JobDefinition definition, JobExecution execution, SweepOutcome outcome) {
        JobDefinition.Alerts settings = definition.alerts();
        List<SenderSideAlert> alerts;
        try {
            alerts = SenderSideAlert.of(queries.senderSideOfRun(execution.getJobInstance().getInstanceId()),
                    settings.senderSideThreshold());
        } catch (RuntimeException e) {
            log.warn("job '{}': cannot read the run's sender-side failures ({}); no alert is raised",
                    definition.name(), e.toString());
            return outcome;
        }
        for (SenderSideAlert alert : alerts) {
            log.warn("sender-side alert, job '{}' (threshold {}): {}", definition.name(),
                    settings.senderSideThreshold(), alert.describe());
            statistics.senderSideAlert(definition.name(), alert.provider(), alert.failures());
        }
        if (!alerts.isEmpty() && settings.failRun() && outcome == SweepOutcome.COMPLETED) {
            log.warn("job '{}': {} provider(s) over the sender-side threshold and alerts.fail-run is set: exit code {}",
                    definition.name(), alerts.size(), SweepOutcome.SENDER_SIDE_ALERT.exitCode());
            return SweepOutcome.SENDER_SIDE_ALERT;
        }
        return outcome;
    }
}
