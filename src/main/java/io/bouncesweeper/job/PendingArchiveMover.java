package io.bouncesweeper.job;

import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.PendingArchive;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves messages whose results were committed but which are still in the source folder: left by
 * a crash between commit and move, or by a move that failed. Runs when a mailbox's sweep starts
 * and again when it ends.
 */
class PendingArchiveMover {
    private static final Logger log = LoggerFactory.getLogger(PendingArchiveMover.class);

    private final BounceStore store;
    private final MailArchiver archiver;
    private final MailboxTarget target;
    private final TransactionTemplate transaction;
    private final RunStatistics statistics;

    PendingArchiveMover(BounceStore store, MailArchiver archiver, MailboxTarget target, TransactionTemplate transaction,
                        RunStatistics statistics) {
        this.store = store;
        this.archiver = archiver;
        this.target = target;
        this.transaction = transaction;
        this.statistics = statistics;
    }

    void moveAll() throws MessagingException {
        if (!store.hasPendingArchive(target.mailbox(), target.folder())) {
            return; // the common case: no need to connect just to find nothing
        }
        long uidValidity = archiver.uidValidity();
        List<PendingArchive> pending = store.pendingArchive(target.mailbox(), target.folder(), uidValidity);
        if (pending.isEmpty()) {
            return;
        }
        log.info("{}: {} committed messages are still waiting to be archived: moving them now", target, pending.size());
        Map<String, long[]> byFolder = new LinkedHashMap<>();
        pending.stream().collect(Collectors.groupingBy(PendingArchive::targetFolder, LinkedHashMap::new,
                        Collectors.mapping(PendingArchive::uid, Collectors.toList())))
                .forEach((f, uids) -> byFolder.put(f, uids.stream().mapToLong(Long::longValue).toArray()));
        Map<String, Integer> moved = archiver.move(byFolder);
        transaction.executeWithoutResult(s -> store.markArchived(target.mailbox(), target.folder(), uidValidity,
                pending.stream().map(PendingArchive::uid).toList()));
        statistics.archived(moved);
    }
}
