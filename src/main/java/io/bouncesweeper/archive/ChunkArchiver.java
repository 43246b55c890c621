package io.bouncesweeper.archive;

import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.store.BounceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves each written chunk's messages out of the folder once, and only once, its transaction has
 * committed. In Spring Batch 6 chunk listeners run inside the transaction, so the move hangs on a
 * transaction synchronisation. Until it is done the messages' rows are the outbox (stored, not
 * archived): a crash or a failed move only delays the move to the next drain of the outbox
 * ({@link OutboxDrain}). Keeping mail in place closes the outbox rows in the chunk's own transaction.
 */
public class ChunkArchiver implements ItemWriteListener<ProcessedMessage> {
    private static final Logger log = LoggerFactory.getLogger(ChunkArchiver.class);

    private final BounceStore store;
    private final MailArchiver archiver;
    private final ArchiveFolders folders;
    private final TransactionTemplate separateTransaction;
    private final ArchiveTally tally;
    private final ArchiveMoments moments;
    private final boolean moveMail;
    private final ArchiveQueue queue = new ArchiveQueue(this::archive);

    /** @param moveMail false: the mail stays in the folder (keep in place), its outbox rows close at commit */
    public ChunkArchiver(BounceStore store, MailArchiver archiver, ArchiveFolders folders,
                         TransactionTemplate separateTransaction, ArchiveTally tally, ArchiveMoments moments,
                         boolean moveMail) {
        this.store = store;
        this.archiver = archiver;
        this.folders = folders;
        this.separateTransaction = separateTransaction;
        this.tally = tally;
        this.moments = moments;
        this.moveMail = moveMail;
    }

    @Override
    public void afterWrite(Chunk<? extends ProcessedMessage> chunk) {
        List<ProcessedMessage> all = List.copyOf(chunk.getItems());
        moments.written();
        if (!moveMail) {
            if (!all.isEmpty()) {
                MessageKey first = all.get(0).key();
                store.markArchived(first.mailbox(), first.folder(), first.uidValidity(),
                        all.stream().map(m -> m.key().uid()).toList());
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                moments.committed();
                queue.submit(all);
            }
        });
    }

    /** Waits for the moves of the chunks committed so far. */
    public void awaitArchived() {
        queue.close();
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
            moments.moved();
            List<Long> uids = messages.stream().map(m -> m.key().uid()).toList();
            separateTransaction.executeWithoutResult(s ->
                    store.markArchived(first.mailbox(), first.folder(), first.uidValidity(), uids));
            tally.archived(moved);
            log.info(tally.progressLine());
        } catch (Exception e) {
            // The results are committed; the messages stay in the folder and are moved by the next archive pass.
            tally.archiveDeferred(messages.size());
            log.warn("could not archive {} committed messages now ({}); they will be moved by the next archive pass",
                    messages.size(), e.toString());
        }
    }
}
