package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.ListPreview;
import io.bouncesweeper.store.ProcessedIdentities;
import io.bouncesweeper.store.StateHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a chunk: its messages, their events and the recipients' list state, in the chunk's
 * transaction. A message seen before (a rerun after a crash between commit and move, or the same
 * mail copied back) writes nothing; it is still handed on for archiving. Counts a chunk in the
 * run's statistics only once its transaction has committed.
 */
class BounceItemWriter implements ItemWriter<ProcessedMessage>, StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(BounceItemWriter.class);

    private final BounceStore store;
    private final ArchiveFolders folders;
    private final RunStatistics statistics;
    private final SweepMode mode;
    private final ListPreview preview;
    private Long jobExecutionId;

    /** @param preview a dry run's ledger of the list changes it would make (null: no preview) */
    BounceItemWriter(BounceStore store, ArchiveFolders folders, RunStatistics statistics, SweepMode mode,
                     ListPreview preview) {
        this.preview = preview;
        this.store = store;
        this.folders = folders;
        this.statistics = statistics;
        this.mode = mode;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobExecutionId = stepExecution.getJobExecutionId();
    }

    @Override
    public void write(Chunk<? extends ProcessedMessage> chunk) {
        List<ProcessedMessage> all = List.copyOf(chunk.getItems());
        if (mode != SweepMode.DRY_RUN) {
            // Partitions (or jobs) sweeping folders that hold copies of the same mail must not both
            // store it: chunk writes take the store's lock first and then read the latest committed rows.
            store.states().lockUntilCompletion();
        }
        List<ProcessedMessage> fresh = unseenBefore(all);
        if (mode == SweepMode.DRY_RUN) {
            fresh.forEach(BounceItemWriter::reportWouldStore);
            if (preview != null) {
                preview.add(fresh);
            }
            statistics.committed(all, fresh);
            log.info(statistics.progressLine());
            return;
        }
        store.insertMessages(fresh, m -> folders.folderFor(m.category()), jobExecutionId);
        store.insertEvents(fresh);
        List<StateHooks.Change> decisions = store.applyRecipientState(fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                statistics.committed(all, fresh);
                statistics.decided(decisions);
                if (mode != SweepMode.ARCHIVE) {
                    log.info(statistics.progressLine()); // archiving logs it after each move
                }
            }
        });
    }

    /** The chunk's messages the store has not seen, each once (copies within a chunk count once). */
    private List<ProcessedMessage> unseenBefore(List<ProcessedMessage> items) {
        ProcessedIdentities known = store.findProcessed(items);
        List<ProcessedMessage> fresh = new ArrayList<>(items.size());
        Set<String> fingerprintsInChunk = new HashSet<>();
        for (ProcessedMessage m : items) {
            boolean duplicateInChunk = !fingerprintsInChunk.add(m.fingerprint());
            if (!duplicateInChunk && !known.contains(m.key(), m.fingerprint())) {
                fresh.add(m);
            }
        }
        return fresh;
    }

    private static void reportWouldStore(ProcessedMessage m) {
        StringBuilder sb = new StringBuilder();
        for (ClassifiedRecord r : m.records()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(LogText.safe(r.record().recipient())).append(' ')
                    .append(r.record().kind().code()).append(' ').append(r.classification().bounceClass().code())
                    .append(' ').append(r.classification().reason().code()).append(" → ")
                    .append(r.classification().action().code());
        }
        log.info("dry run: UID {} would go to {}: {}", m.key().uid(), m.category().code(),
                sb.isEmpty() ? LogText.safe(m.error() == null ? "no records" : m.error()) : sb);
    }
}
