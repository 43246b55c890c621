package io.bouncesweeper.job;

import io.bouncesweeper.store.ListPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** At the end of a dry run: how the list would change, per address (from → to) and in total. */
class DryRunReport implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(DryRunReport.class);
    static final int MAX_LINES = 10_000;

    private final ListPreview preview;

    DryRunReport(ListPreview preview) {
        this.preview = preview;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        ListPreview.Report report = preview.report();
        StringBuilder sb = new StringBuilder("dry run: nothing was written. The run would store ")
                .append(report.events()).append(" record(s) and change the list state of ")
                .append(report.lines().size()).append(" address(es)");
        report.transitions().forEach((t, n) -> sb.append("\n  ").append(t).append(": ").append(n));
        int shown = 0;
        for (ListPreview.Line line : report.lines()) {
            if (shown++ == MAX_LINES) {
                sb.append("\n  ... and ").append(report.lines().size() - MAX_LINES).append(" more");
                break;
            }
            sb.append("\n  ").append(LogText.safe(line.toString()));
        }
        log.info("{}", sb);
    }
}
