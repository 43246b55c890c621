package io.bouncesweeper.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the moves of committed chunks on one background thread, in commit order, so the next chunk
 * is read and written while the previous one is being moved. At most a few chunks wait; beyond
 * that the committing thread moves its chunk itself (back-pressure, never an unbounded backlog).
 */
public class ArchiveQueue implements AutoCloseable {
    private static final int MAX_WAITING_CHUNKS = 4;

    private ThreadPoolExecutor executor = newExecutor();

    private static ThreadPoolExecutor newExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_WAITING_CHUNKS), r -> {
            Thread t = new Thread(r, "imap-archive");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public synchronized void submit(Runnable move) {
        if (executor.isShutdown()) {
            executor = newExecutor();
        }
        executor.execute(move);
    }

    /** Waits until every submitted move has finished (successfully or not). */
    public synchronized void drain() {
        executor.shutdown();
        try {
            while (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                // a move on a slow server: keep waiting, its messages must not be left half-handled
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain();
    }
}
