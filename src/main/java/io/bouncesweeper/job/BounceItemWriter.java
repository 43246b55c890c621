package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.MessageKey;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a chunk and, only once its transaction has committed, moves its messages out of the
 * folder. In Spring Batch 6 chunk listeners run inside the transaction, so the move hangs on a
 * transaction synchronisation instead. A message seen before (a rerun after a crash between commit
 * and move, or the same mail copied back) writes nothing and is just moved. A failed move leaves
 * the message's outbox row open; the end of the sweep and the next run move it.
 */
class BounceItemWriter implements ItemWriter<ProcessedMessage>, StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(BounceItemWriter.class);

    private final BounceStore store;
    private final MailArchiver archiver;
    private final ArchiveFolders folders;
    private final TransactionTemplate separateTransaction;
    private final RunStatistics statistics;
    private final ArchiveQueue archiveQueue = new ArchiveQueue(this::archive);
    private final SweepMode mode;
    private final ListPreview preview;
    private Long jobExecutionId;

    BounceItemWriter(BounceStore store, MailArchiver archiver, ArchiveFolders folders, TransactionTemplate separateTransaction,
                     RunStatistics statistics, SweepMode mode) {
        this(store, archiver, folders, separateTransaction, statistics, mode, null);
    }

    /** @param preview a dry run's ledger of the list changes it would make (null: no preview) */
    BounceItemWriter(BounceStore store, MailArchiver archiver, ArchiveFolders folders, TransactionTemplate separateTransaction,
                     RunStatistics statistics, SweepMode mode, ListPreview preview) {
        this.preview = preview;
        this.store = store;
        this.archiver = archiver;
        this.folders = folders;
        this.separateTransaction = separateTransaction;
        this.statistics = statistics;
        this.mode = mode;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobExecutionId = stepExecution.getJobExecutionId();
    }

    /** Waits for the moves of the chunks committed so far. */
    void awaitArchived() {
        archiveQueue.close();
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
        CrashPoints.reach("before-commit");
        if (mode == SweepMode.KEEP_IN_PLACE && !all.isEmpty()) {
            MessageKey first = all.get(0).key();
            store.markArchived(first.mailbox(), first.folder(), first.uidValidity(),
                    all.stream().map(m -> m.key().uid()).toList());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                statistics.committed(all, fresh);
                statistics.decided(decisions);
                CrashPoints.reach("after-commit");
                if (mode == SweepMode.ARCHIVE) {
                    archiveQueue.submit(all);
                } else {
                    log.info(statistics.progressLine());
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

    /** Moves committed messages (one or several chunks) and records that they left the folder. */
    void archive(List<ProcessedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Map<String, List<Long>> byFolder = new LinkedHashMap<>();
        for (ProcessedMessage m : messages) {
            byFolder.computeIfAbsent(folders.folderFor(m.category()), f -> new ArrayList<>()).add(m.key().uid());
        }
        Map<String, long[]> uidsByFolder = new LinkedHashMap<>();
        byFolder.forEach((f, uids) -> uidsByFolder.put(f, uids.stream().mapToLong(Long::longValue).toArray()));
        MessageKey first = messages.get(0).key();
        try {
            Map<String, Integer> moved = archiver.move(uidsByFolder);
            CrashPoints.reach("after-move");
            List<Long> uids = messages.stream().map(m -> m.key().uid()).toList();
            separateTransaction.executeWithoutResult(s ->
                    store.markArchived(first.mailbox(), first.folder(), first.uidValidity(), uids));
            statistics.archived(moved);
            log.info(statistics.progressLine());
        } catch (Exception e) {
            // The results are committed; the messages stay in the folder and are moved by the next archive pass.
            statistics.archiveDeferred(messages.size());
            log.warn("could not archive {} committed messages now ({}); they will be moved by the next archive pass",
                    messages.size(), e.toString());
        }
    }
}
