package io.bouncesweeper.read;

import io.bouncesweeper.domain.MailboxMessage;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.imap.Backoff;
import io.bouncesweeper.imap.FetchedMessage;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSession;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Reads a folder's messages in UID order, a batch of bodies per FETCH. The UIDs to read are
 * searched once at open; bodies are fetched in batches of {@code fetchSize} (the chunk size, so one
 * chunk costs one round trip), the next batch in the background while the current chunk is parsed
 * and written: the job then waits on the IMAP server and the database at the same time instead of
 * one after the other. The position (UIDVALIDITY, last UID) is saved in the step's ExecutionContext
 * at every commit, so a restarted execution continues after the last committed chunk.
 */
public class MailboxItemReader implements ItemStreamReader<MailboxMessage> {
    private static final Logger log = LoggerFactory.getLogger(MailboxItemReader.class);
    static final String UID_VALIDITY_KEY = "mailbox.uidValidity";
    static final String LAST_UID_KEY = "mailbox.lastUid";

    private final ImapConnector connector;
    private final String mailbox;
    private final String folderName;
    private final String searchCriteria;
    private final int fetchSize;
    private final long maxMessageBytes;
    private final Backoff backoff;
    private final CommittedPosition committed;

    private ImapSession session;
    private long uidValidity;
    private long[] pending = new long[0];
    private int nextPending;
    private final Deque<MailboxMessage> buffer = new ArrayDeque<>();
    private long lastUid;
    private ExecutorService prefetcher;
    private Future<List<MailboxMessage>> nextBatch;
    private Consumer<List<MailboxMessage>> lookAhead = batch -> { };
    private IntConsumer searchListener = n -> { };

    /** @param searchCriteria IMAP SEARCH criteria beyond the UID range, see {@link io.bouncesweeper.imap.SearchCriteria} */
    public MailboxItemReader(ImapConnector connector, String mailbox, String folderName, String searchCriteria,
                             int fetchSize, long maxMessageBytes, Backoff backoff, CommittedPosition committed) {
        this.connector = connector;
        this.mailbox = mailbox;
        this.folderName = folderName;
        this.searchCriteria = searchCriteria;
        this.fetchSize = fetchSize;
        this.maxMessageBytes = maxMessageBytes;
        this.backoff = backoff;
        this.committed = committed;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        try {
            session = connector.open(folderName);
            uidValidity = session.uidValidity();
            ReadPosition saved = context.containsKey(LAST_UID_KEY)
                    ? new ReadPosition(context.getLong(UID_VALIDITY_KEY), context.getLong(LAST_UID_KEY))
                    : ReadPosition.START;
            ReadPosition position = saved.resumeUnder(uidValidity);
            if (saved != ReadPosition.START && position != saved) {
                log.warn("UIDVALIDITY of {} changed from {} to {}: the folder was recreated, reading it from the start "
                        + "(messages already counted are recognised by their content)", folderName, saved.uidValidity(), uidValidity);
            }
            lastUid = position.lastUid();
            if (lastUid > 0) {
                // Spring Batch saves the in-memory position even when the chunk's own repository update
                // failed (a killed database session): never resume past what the store has committed.
                long stored = committed.highestStoredUid(mailbox, folderName, uidValidity);
                if (stored < lastUid) {
                    log.warn("{}/{}: the saved position (UID {}) is ahead of the last committed message (UID {}); "
                            + "resuming after UID {}", mailbox, folderName, lastUid, stored, stored);
                    lastUid = stored;
                }
            }
            pending = session.searchUids(lastUid, searchCriteria);
            searchListener.accept(pending.length);
            nextPending = 0;
            prefetcher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "imap-prefetch");
                t.setDaemon(true);
                return t;
            });
            nextBatch = submitNextBatch();
            log.info("{}/{}: {} messages to read (UIDVALIDITY {}, after UID {}{})", mailbox, folderName,
                    pending.length, uidValidity, lastUid, searchCriteria.isBlank() ? "" : ", " + searchCriteria);
        } catch (MessagingException e) {
            close();
            throw new ItemStreamException("cannot open IMAP folder " + folderName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MailboxMessage read() throws MessagingException {
        if (buffer.isEmpty()) {
            fillBuffer();
        }
        MailboxMessage next = buffer.poll();
        if (next != null) {
            lastUid = next.key().uid();
        }
        return next;
    }

    private void fillBuffer() throws MessagingException {
        while (buffer.isEmpty() && nextBatch != null) {
            List<MailboxMessage> fetched = await(nextBatch);
            nextBatch = submitNextBatch();
            buffer.addAll(fetched);
        }
    }

    /**
     * Work to do on each fetched batch on the prefetch thread, before the step asks for it (the
     * job parses and classifies there, so that CPU work overlaps the previous chunk's database time).
     */
    public void setLookAhead(Consumer<List<MailboxMessage>> lookAhead) {
        this.lookAhead = lookAhead;
    }

    /** Told how many messages SEARCH found to read (the progress line's total). */
    public void setSearchListener(IntConsumer searchListener) {
        this.searchListener = searchListener;
    }

    /** Starts fetching the next batch of UIDs, or returns null when all are fetched. */
    private Future<List<MailboxMessage>> submitNextBatch() {
        if (nextPending >= pending.length) {
            return null;
        }
        int end = Math.min(pending.length, nextPending + fetchSize);
        long[] batch = Arrays.copyOfRange(pending, nextPending, end);
        nextPending = end;
        return prefetcher.submit(() -> {
            List<FetchedMessage> fetched = fetchWithRetry(batch);
            if (fetched.size() < batch.length) {
                log.info("{} of {} messages vanished before they could be fetched (deleted or moved by someone else)",
                        batch.length - fetched.size(), batch.length);
            }
            List<MailboxMessage> messages = new ArrayList<>(fetched.size());
            for (FetchedMessage m : fetched) {
                messages.add(new MailboxMessage(new MessageKey(mailbox, folderName, uidValidity, m.uid()), m.size(), m.bytes()));
            }
            lookAhead.accept(messages);
            return messages;
        });
    }

    /**
     * A dropped connection or a restarting server is retried with backoff on a fresh connection.
     * The retry reads the same UIDs, valid only if the folder was not recreated meanwhile.
     */
    private List<FetchedMessage> fetchWithRetry(long[] batch) throws MessagingException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (session == null) {
                    session = connector.open(folderName);
                    if (session.uidValidity() != uidValidity) {
                        throw new ItemStreamException(folderName + " was recreated during the run (UIDVALIDITY "
                                + uidValidity + " → " + session.uidValidity() + "); the next run reads it afresh");
                    }
                    log.info("{}/{}: reconnected, continuing", mailbox, folderName);
                }
                return session.fetch(batch, maxMessageBytes);
            } catch (MessagingException | IllegalStateException e) {
                if (attempt >= backoff.attempts()) {
                    throw new MessagingException("IMAP server " + connector.settings() + " (" + folderName
                            + ") still failing after " + attempt + " attempts: " + e.getMessage(), e);
                }
                java.time.Duration pause = backoff.pauseBefore(attempt + 1);
                log.warn("{}/{}: fetch failed ({}); retry {} of {} in {} ms", mailbox, folderName, e.getMessage(),
                        attempt, backoff.attempts() - 1, pause.toMillis());
                if (session != null) {
                    session.close();
                    session = null;
                }
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private static List<MailboxMessage> await(Future<List<MailboxMessage>> batch) throws MessagingException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while fetching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessagingException me) {
                throw me;
            }
            throw new MessagingException("fetch failed: " + e.getCause(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(UID_VALIDITY_KEY, uidValidity);
        context.putLong(LAST_UID_KEY, lastUid);
    }

    @Override
    public void close() {
        if (prefetcher != null) {
            prefetcher.shutdownNow();
            prefetcher = null;
            nextBatch = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        buffer.clear();
    }
}
