package io.bouncesweeper.job;

import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.PendingArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves messages whose results were committed but which are still in the source folder: left by
 * a crash between commit and move, or by a move that failed. Runs before and after the sweep.
 */
public class ArchivePendingTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ArchivePendingTasklet.class);

    private final BounceStore store;
    private final MailArchiver archiver;
    private final String mailbox;
    private final String folder;
    private final RunStatistics statistics;

    public ArchivePendingTasklet(BounceStore store, MailArchiver archiver, String mailbox, String folder,
                                 RunStatistics statistics) {
        this.store = store;
        this.archiver = archiver;
        this.mailbox = mailbox;
        this.folder = folder;
        this.statistics = statistics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long uidValidity = archiver.uidValidity();
        List<PendingArchive> pending = store.pendingArchive(mailbox, folder, uidValidity);
        if (pending.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        log.info("{} committed messages of {} are still waiting to be archived: moving them now", pending.size(), folder);
        Map<String, long[]> byFolder = new LinkedHashMap<>();
        pending.stream().collect(Collectors.groupingBy(PendingArchive::targetFolder, LinkedHashMap::new,
                        Collectors.mapping(PendingArchive::uid, Collectors.toList())))
                .forEach((f, uids) -> byFolder.put(f, uids.stream().mapToLong(Long::longValue).toArray()));
        Map<String, Integer> moved = archiver.move(byFolder);
        store.markArchived(mailbox, folder, uidValidity, pending.stream().map(PendingArchive::uid).toList());
        statistics.archived(moved);
        contribution.incrementWriteCount(pending.size());
        return RepeatStatus.FINISHED;
    }
}
