package io.bouncesweeper.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Empties a folder's outbox around its sweep: moves what an earlier run committed but could not
 * move before the first chunk, and at the end waits for the last chunks' moves and retries
 * leftovers. Mail still left behind fails the step, so the run says so and the next one finishes
 * the job. Register it after the folder's lock, so it runs inside it.
 */
public class OutboxDrain implements StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);

    private final PendingArchiveMover pending;
    private final ChunkArchiver chunks;
    private final MailArchiver archiver;
    private final String folder;

    public OutboxDrain(PendingArchiveMover pending, ChunkArchiver chunks, MailArchiver archiver, String folder) {
        this.pending = pending;
        this.chunks = chunks;
        this.archiver = archiver;
        this.folder = folder;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            pending.moveAll();
        } catch (Exception e) {
            archiver.close();
            throw new IllegalStateException(pending + ": cannot move the mail an earlier run left behind: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            chunks.awaitArchived();
            if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
                try {
                    pending.moveAll();
                } catch (Exception e) {
                    log.error("{}: committed mail could not be archived ({}); the next run moves it", pending, e.toString());
                    stepExecution.setStatus(BatchStatus.FAILED);
                    stepExecution.addFailureException(e);
                    return ExitStatus.FAILED.addExitDescription("mail left in " + folder + " for the next run");
                }
            }
            return stepExecution.getExitStatus();
        } finally {
            archiver.close();
        }
    }
}
