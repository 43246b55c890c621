package io.bouncesweeper.archive;

import io.bouncesweeper.domain.ProcessedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves committed chunks on one background thread, in commit order, so the next chunk is read
 * and written while the previous one is being moved. When several committed chunks are waiting,
 * they go out together (one MOVE per target folder for all of them). At most a few chunks wait;
 * beyond that the committing thread waits (back-pressure, never an unbounded backlog).
 */
class ArchiveQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArchiveQueue.class);
    private static final int MAX_WAITING_CHUNKS = 4;

    private final Consumer<List<ProcessedMessage>> mover;
    private final Deque<List<ProcessedMessage>> waiting = new ArrayDeque<>();
    private boolean moving;
    private Thread worker;

    ArchiveQueue(Consumer<List<ProcessedMessage>> mover) {
        this.mover = mover;
    }

    /** Queues a committed chunk; waits while too many chunks are queued. */
    synchronized void submit(List<ProcessedMessage> chunk) {
        while (waiting.size() >= MAX_WAITING_CHUNKS) {
            awaitChange();
        }
        waiting.add(chunk);
        if (worker == null) {
            worker = new Thread(this::work, "imap-archive");
            worker.setDaemon(true);
            worker.start();
        }
        notifyAll();
    }

    /** Waits until every queued chunk has been handled (moved, or left for the next archive pass). */
    synchronized void drain() {
        while (!waiting.isEmpty() || moving) {
            awaitChange();
        }
    }

    private void work() {
        while (true) {
            List<ProcessedMessage> batch = new ArrayList<>();
            synchronized (this) {
                while (waiting.isEmpty()) {
                    if (worker != Thread.currentThread()) {
                        return;
                    }
                    awaitChange();
                }
                while (!waiting.isEmpty()) {
                    batch.addAll(waiting.poll());
                }
                moving = true;
                notifyAll();
            }
            try {
                mover.accept(batch);
            } catch (RuntimeException e) {
                log.warn("archiving {} messages failed unexpectedly ({}); they will be moved by the next archive pass",
                        batch.size(), e.toString());
            } finally {
                synchronized (this) {
                    moving = false;
                    notifyAll();
                }
            }
        }
    }

    private void awaitChange() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the archive queue", e);
        }
    }

    /** Drains, then lets the worker thread end. */
    @Override
    public synchronized void close() {
        drain();
        worker = null;
        notifyAll();
    }
}
