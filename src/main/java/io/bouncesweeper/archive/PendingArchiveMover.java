package io.bouncesweeper.archive;

import io.bouncesweeper.domain.UidRange;
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
public class PendingArchiveMover {
    private static final Logger log = LoggerFactory.getLogger(PendingArchiveMover.class);

    private final BounceStore store;
    private final MailArchiver archiver;
    private final String mailbox;
    private final String folder;
    private final UidRange uids;
    private final TransactionTemplate transaction;
    private final ArchiveTally tally;

    /** @param uids the part of the folder this run reads: other parts' processes move their own mail */
    public PendingArchiveMover(BounceStore store, MailArchiver archiver, String mailbox, String folder, UidRange uids,
                               TransactionTemplate transaction, ArchiveTally tally) {
        this.store = store;
        this.archiver = archiver;
        this.mailbox = mailbox;
        this.folder = folder;
        this.uids = uids;
        this.transaction = transaction;
        this.tally = tally;
    }

    void moveAll() throws MessagingException {
        if (!store.hasPendingArchive(mailbox, folder)) {
            return; // the common case: no need to connect just to find nothing
        }
        long uidValidity = archiver.uidValidity();
        List<PendingArchive> pending = store.pendingArchive(mailbox, folder, uidValidity).stream()
                .filter(p -> uids.contains(p.uid())).toList();
        if (pending.isEmpty()) {
            return;
        }
        log.info("{}: {} committed messages are still waiting to be archived: moving them now", this, pending.size());
        Map<String, long[]> byFolder = new LinkedHashMap<>();
        pending.stream().collect(Collectors.groupingBy(PendingArchive::targetFolder, LinkedHashMap::new,
                        Collectors.mapping(PendingArchive::uid, Collectors.toList())))
                .forEach((f, uids) -> byFolder.put(f, uids.stream().mapToLong(Long::longValue).toArray()));
        Map<String, Integer> moved = archiver.move(byFolder);
        transaction.executeWithoutResult(s -> store.markArchived(mailbox, folder, uidValidity,
                pending.stream().map(PendingArchive::uid).toList()));
        tally.archived(moved);
    }

    @Override
    public String toString() {
        return mailbox + "/" + folder + (uids.isAll() ? "" : " (UID " + uids + ")");
    }
}
