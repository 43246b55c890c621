package io.bouncesweeper.job;

import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.store.StateHooks;
import org.springframework.batch.core.BatchStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run reports as it goes, for whoever watches it from outside the job (metrics): the same
 * events {@link RunStatistics} counts for the summary, so the two never disagree. Called on the
 * job's threads; an observer must be quick and must not throw.
 */
public interface SweepObserver {
    SweepObserver NONE = new SweepObserver() { };

    /** SEARCH found {@code toRead} messages to read in this folder. */
    default void searched(String mailbox, String folder, int toRead) {
    }

    /** A chunk of one folder committed: {@code fresh} are the messages stored for the first time. */
    default void committed(String mailbox, String folder, List<? extends ProcessedMessage> all,
                           List<ProcessedMessage> fresh, Duration chunkTime) {
    }

    /** The list changes of status a committed chunk made. */
    default void decided(List<StateHooks.Change> changes) {
    }

    /** Messages moved, by target folder. */
    default void archived(Map<String, Integer> movedByFolder) {
    }

    /** One folder's sweep ended (its last moves done or given up). */
    default void mailboxFinished(String mailbox, String folder, BatchStatus status) {
    }

    /**
     * A run stored {@code failures} sender-side failures for one provider (or sending IP), at or
     * above its definition's alert threshold.
     */
    default void senderSideAlert(String definition, String provider, long failures) {
    }

    /** A run of a job definition ended. */
    default void runFinished(String definition, BatchStatus status, Duration duration) {
    }
}
