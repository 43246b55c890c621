package io.bouncesweeper.job;

import io.bouncesweeper.archive.MailArchiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Frames one mailbox's sweep: takes the folder's lock (two runs never work one folder), moves
 * what an earlier run committed but could not move, and at the end waits for the last moves and
 * retries leftovers; mail still left behind fails the step, so the run says so and the next one
 * finishes the job.
 */
class MailboxSweepListener implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(MailboxSweepListener.class);

    private final MailboxTarget target;
    private final DataSource dataSource;
    private final PendingArchiveMover pending;
    private final BounceItemWriter writer;
    private final MailArchiver archiver;
    private final SweepMode mode;
    private final RunStatistics statistics;
    private MailboxLock lock;

    MailboxSweepListener(MailboxTarget target, DataSource dataSource, PendingArchiveMover pending,
                         BounceItemWriter writer, MailArchiver archiver, SweepMode mode, RunStatistics statistics) {
        this.statistics = statistics;
        this.target = target;
        this.dataSource = dataSource;
        this.pending = pending;
        this.writer = writer;
        this.archiver = archiver;
        this.mode = mode;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            Optional<MailboxLock> acquired = MailboxLock.tryAcquire(dataSource, target.mailbox(), target.folder());
            lock = acquired.orElseThrow(() -> new AnotherRunActiveException(
                    "another Bounce Sweeper run is working on " + target + "; leaving it alone"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock of " + target + ": " + e.getMessage(), e);
        }
        if (mode == SweepMode.ARCHIVE) {
            try {
                pending.moveAll();
            } catch (Exception e) {
                throw new IllegalStateException(target + ": cannot move the mail an earlier run left behind: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            writer.awaitArchived();
            if (mode == SweepMode.ARCHIVE && stepExecution.getStatus() == BatchStatus.COMPLETED) {
                try {
                    pending.moveAll();
                } catch (Exception e) {
                    log.error("{}: committed mail could not be archived ({}); the next run moves it", target, e.toString());
                    stepExecution.setStatus(BatchStatus.FAILED);
                    stepExecution.addFailureException(e);
                    return ExitStatus.FAILED.addExitDescription("mail left in " + target.folder() + " for the next run");
                }
            }
            return stepExecution.getExitStatus();
        } finally {
            archiver.close();
            releaseLock();
            statistics.mailboxFinished(target, stepExecution.getStatus());
        }
    }

    private void releaseLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                log.warn("releasing the lock of {} failed ({}); the server frees it with the connection", target, e.toString());
            }
            lock = null;
        }
    }
}
