package io.bouncesweeper.read;

import io.bouncesweeper.config.RetryPolicies;
import io.bouncesweeper.domain.MailboxMessage;
import io.bouncesweeper.domain.MessageKey;
import io.bouncesweeper.imap.FetchedMessage;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSession;
import io.bouncesweeper.imap.ThrottlingReplies;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reads a folder's messages in UID order, a batch of bodies per FETCH: raw messages, their
 * identity (mailbox, folder, UIDVALIDITY, UID) and the position. The UIDs to read are searched
 * once at open; bodies are fetched in batches of {@code fetchSize} (the chunk size, so one chunk
 * costs one round trip). The position (UIDVALIDITY, last UID) is saved in the step's
 * ExecutionContext at every commit, so a restarted execution continues after the last committed
 * chunk. Parsing is the processor's work, on the step's own threads.
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
    private final RetryTemplate retry;
    private final CommittedPosition committed;

    private ImapSession session;
    private long uidValidity;
    private long[] pending = new long[0];
    private int nextPending;
    private final Deque<MailboxMessage> buffer = new ArrayDeque<>();
    private long lastUid;
    private IntConsumer searchListener = n -> { };

    /**
     * @param searchCriteria IMAP SEARCH criteria beyond the UID range, see {@link io.bouncesweeper.imap.SearchCriteria}
     * @param retryAttempts  fetch attempts in all on a dropped connection, the pause doubling from {@code retryPause}
     */
    public MailboxItemReader(ImapConnector connector, String mailbox, String folderName, String searchCriteria,
                             int fetchSize, long maxMessageBytes, int retryAttempts, Duration retryPause,
                             CommittedPosition committed) {
        this.connector = connector;
        this.mailbox = mailbox;
        this.folderName = folderName;
        this.searchCriteria = searchCriteria;
        this.fetchSize = fetchSize;
        this.maxMessageBytes = maxMessageBytes;
        this.retry = new RetryTemplate(RetryPolicies.doubling(retryAttempts, retryPause,
                e -> e instanceof MessagingException || e instanceof IllegalStateException
                        || ThrottlingReplies.isThrottled(e)));
        this.retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                Throwable failure = state.getLastException();
                log.warn("{}/{}: {} ({}); retrying on a fresh connection (retry {})", mailbox, folderName,
                        ThrottlingReplies.isThrottled(failure) ? "the server throttles this account, backing off"
                                : "fetch failed", failure.getMessage(), state.getRetryCount() + 1);
            }
        });
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
        while (buffer.isEmpty() && nextPending < pending.length) {
            int end = Math.min(pending.length, nextPending + fetchSize);
            long[] batch = Arrays.copyOfRange(pending, nextPending, end);
            nextPending = end;
            List<FetchedMessage> fetched = fetchWithRetry(batch);
            if (fetched.size() < batch.length) {
                log.info("{} of {} messages vanished before they could be fetched (deleted or moved by someone else)",
                        batch.length - fetched.size(), batch.length);
            }
            for (FetchedMessage m : fetched) {
                buffer.add(new MailboxMessage(new MessageKey(mailbox, folderName, uidValidity, m.uid()), m.size(), m.bytes()));
            }
        }
    }

    /** Told how many messages SEARCH found to read (the progress line's total). */
    public void setSearchListener(IntConsumer searchListener) {
        this.searchListener = searchListener;
    }

    /**
     * A dropped connection or a restarting server is retried with backoff on a fresh connection.
     * The retry reads the same UIDs, valid only if the folder was not recreated meanwhile.
     */
    private List<FetchedMessage> fetchWithRetry(long[] batch) throws MessagingException {
        try {
            return retry.execute(() -> {
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
                    if (session != null) {
                        session.close();
                        session = null;
                    }
                    throw e;
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof ItemStreamException recreated) {
                throw recreated;
            }
            throw new MessagingException("IMAP server " + connector.settings() + " (" + folderName
                    + ") still failing after " + (e.getRetryCount() + 1) + " attempts: " + e.getCause().getMessage(),
                    e.getCause() instanceof Exception cause ? cause : e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(UID_VALIDITY_KEY, uidValidity);
        context.putLong(LAST_UID_KEY, lastUid);
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
        buffer.clear();
    }
}
