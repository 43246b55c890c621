package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveTally;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.store.StateHooks;
import org.springframework.batch.core.BatchStatus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did, counted from committed chunks only (a rolled-back chunk counts nothing), for
 * the progress lines and the final summary; each event is passed on to the {@link SweepObserver}
 * (metrics) too.
 */
public class RunStatistics implements ArchiveTally {
    private long startNanos = System.nanoTime();
    private long chunks;
    private long read;
    private long stored;
    private long alreadyProcessed;
    private long unparsed;
    private long records;
    private long archived;
    private long archiveDeferred;
    private final Map<String, Long> byClass = new TreeMap<>();
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, Long> byKind = new TreeMap<>();
    private final Map<String, Long> archivedByFolder = new TreeMap<>();
    private long toRead;
    /** Per folder ("mailbox/folder"), when its last chunk committed (or its SEARCH ended): a chunk's wall time. */
    private final Map<String, Long> lastCommitNanos = new HashMap<>();
    private volatile SweepObserver observer = SweepObserver.NONE;

    /** Who else hears of each event (one observer: the metrics). */
    public void observe(SweepObserver observer) {
        this.observer = observer == null ? SweepObserver.NONE : observer;
    }

    /** A sender-side alert of the run that just ended: for the observer only, the summary is printed by then. */
    public void senderSideAlert(String definition, String provider, long failures) {
        observer.senderSideAlert(definition, provider, failures);
    }

    public synchronized void reset() {
        startNanos = System.nanoTime();
        chunks = read = stored = alreadyProcessed = unparsed = records = archived = archiveDeferred = toRead = 0;
        lastCommitNanos.clear();
        byClass.clear();
        byReason.clear();
        byKind.clear();
        archivedByFolder.clear();
    }

    /** SEARCH found this many messages to read in one folder: the total behind the progress line's ETA. */
    public synchronized void searched(String mailbox, String folder, int n) {
        toRead += n;
        lastCommitNanos.put(mailbox + "/" + folder, System.nanoTime());
        observer.searched(mailbox, folder, n);
    }

    public synchronized void committed(List<? extends ProcessedMessage> all, List<ProcessedMessage> fresh) {
        if (!all.isEmpty()) {
            String mailbox = all.get(0).key().mailbox();
            String folder = all.get(0).key().folder();
            long now = System.nanoTime();
            Long previous = lastCommitNanos.put(mailbox + "/" + folder, now);
            observer.committed(mailbox, folder, all, fresh, Duration.ofNanos(previous == null ? 0 : now - previous));
        }
        chunks++;
        read += all.size();
        stored += fresh.size();
        alreadyProcessed += all.size() - fresh.size();
        for (ProcessedMessage m : fresh) {
            if (m.category() == ArchiveCategory.UNPARSED) {
                unparsed++;
            }
            for (ClassifiedRecord r : m.records()) {
                records++;
                byKind.merge(r.record().kind().code(), 1L, Long::sum);
                if (r.record().kind() == RecordKind.BOUNCE) {
                    byClass.merge(r.classification().bounceClass().code(), 1L, Long::sum);
                    byReason.merge(r.classification().reason().code(), 1L, Long::sum);
                }
            }
        }
    }

    /** The list changes of status a committed chunk made. */
    public void decided(List<StateHooks.Change> changes) {
        if (!changes.isEmpty()) {
            observer.decided(changes);
        }
    }

    public void mailboxFinished(MailboxTarget target, BatchStatus status) {
        observer.mailboxFinished(target.mailbox(), target.folder(), status);
    }

    public synchronized void runFinished(String definition, BatchStatus status) {
        observer.runFinished(definition, status, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public synchronized void archived(Map<String, Integer> movedByFolder) {
        observer.archived(movedByFolder);
        movedByFolder.forEach((folder, n) -> {
            archived += n;
            archivedByFolder.merge(folder, (long) n, Long::sum);
        });
    }

    @Override
    public synchronized void archiveDeferred(int n) {
        archiveDeferred += n;
    }

    public synchronized double messagesPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }

    @Override
    public synchronized String progressLine() {
        double rate = messagesPerSecond();
        return String.format("chunk %d: %,d%s messages read (%,.0f msg/s%s), %,d records, %,d archived, %,d quarantined",
                chunks, read, toRead > 0 ? String.format(" of %,d", toRead) : "", rate,
                eta(toRead - read, rate), records, archived, unparsed);
    }

    /** ", ETA 1m05s" for what is left at this rate; nothing when done or the rate is unknown. */
    static String eta(long left, double perSecond) {
        if (left <= 0 || perSecond <= 0) {
            return "";
        }
        long s = (long) Math.ceil(left / perSecond);
        return s < 60 ? ", ETA " + s + "s" : s < 3600 ? String.format(", ETA %dm%02ds", s / 60, s % 60)
                : String.format(", ETA %dh%02dm", s / 3600, s % 3600 / 60);
    }

    public synchronized String summary() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("""
                Bounce Sweeper summary
                  messages read:       %,d in %.1f s (%,.0f msg/s)
                  newly stored:        %,d (already processed before: %,d)
                  records:             %,d  by kind %s
                  bounces by class:    %s
                  bounces by reason:   %s
                  archived:            %,d  %s
                  quarantined:         %,d (unparsed)
                  left for next move:  %,d
                  peak heap:           %,d MB""",
                read, seconds, messagesPerSecond(), stored, alreadyProcessed, records, byKind, byClass, byReason,
                archived, archivedByFolder, unparsed, archiveDeferred, peakHeapBytes() / (1024 * 1024));
    }

    /** Sum of the heap pools' peaks: what the JVM really needed, not what it reserved. */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
