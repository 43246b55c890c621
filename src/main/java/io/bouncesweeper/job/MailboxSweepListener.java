package io.bouncesweeper.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Holds a folder's lock for the length of its sweep: two runs never work one folder (or one UID
 * range of it, when the folder is split over several processes). Registered
 * first, so the archive's own step listener (which Spring Batch calls after it at the start and
 * before it at the end) works inside the lock.
 */
class MailboxSweepListener implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(MailboxSweepListener.class);

    private final MailboxTarget target;
    private final DataSource dataSource;
    private final RunStatistics statistics;
    private MailboxLock lock;

    MailboxSweepListener(MailboxTarget target, DataSource dataSource, RunStatistics statistics) {
        this.statistics = statistics;
        this.target = target;
        this.dataSource = dataSource;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            Optional<MailboxLock> acquired = MailboxLock.tryAcquire(dataSource, target.mailbox(), target.lockedPart());
            lock = acquired.orElseThrow(() -> new AnotherRunActiveException(
                    "another Bounce Sweeper run is working on " + target + "; leaving it alone"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock of " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        releaseLock();
        statistics.mailboxFinished(target, stepExecution.getStatus());
        return stepExecution.getExitStatus();
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
