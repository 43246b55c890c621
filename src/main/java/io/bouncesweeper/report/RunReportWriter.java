package io.bouncesweeper.report;

import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.job.RunEndTask;
import io.bouncesweeper.job.SweepOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code bounce-sweeper.report.out}: every run ends by writing the HTML report of the last
 * {@code bounce-sweeper.report.days} to that file (replacing the previous one), as the {@code report}
 * command would. A report that cannot be written is a WARN, never a failed run.
 */
public class RunReportWriter implements RunEndTask {
    private static final Logger log = LoggerFactory.getLogger(RunReportWriter.class);

    private final ReportQueries queries;
    private final ReportSettings settings;
    private final Clock clock;

    public RunReportWriter(ReportQueries queries, ReportSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SweepOutcome afterRun(JobDefinition definition, JobExecution execution, SweepOutcome outcome) {
        if (settings.out() == null) {
            return outcome;
        }
        try {
            ReportPeriod period = ReportPeriod.lastDays(settings.days(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            HtmlReport.write(new ReportBuilder(queries, clock).build(period, settings.top()), settings.out());
            log.info("job '{}': report of {} to {} written to {}", definition.name(), period.since(), period.until(),
                    settings.out().toAbsolutePath());
        } catch (Exception e) {
            log.warn("job '{}': could not write the report to {} ({}); the run's results are stored all the same",
                    definition.name(), settings.out(), e.toString());
        }
        return outcome;
    }
}
