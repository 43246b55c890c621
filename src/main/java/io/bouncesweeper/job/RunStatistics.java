package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveTally;
import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.domain.RecordKind;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did, counted from committed chunks only (a rolled-back chunk counts nothing), for
 * the progress lines and the final summary.
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

    public synchronized void reset() {
        startNanos = System.nanoTime();
        chunks = read = stored = alreadyProcessed = unparsed = records = archived = archiveDeferred = 0;
        byClass.clear();
        byReason.clear();
        byKind.clear();
        archivedByFolder.clear();
    }

    public synchronized void committed(List<? extends ProcessedMessage> all, List<ProcessedMessage> fresh) {
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

    @Override
    public synchronized void archived(Map<String, Integer> movedByFolder) {
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
        return String.format("chunk %d: %,d messages read (%,.0f msg/s), %,d records, %,d archived, %,d quarantined",
                chunks, read, messagesPerSecond(), records, archived, unparsed);
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
