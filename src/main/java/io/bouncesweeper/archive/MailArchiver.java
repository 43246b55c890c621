package io.bouncesweeper.archive;

import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSession;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves messages out of the source folder, one command per target folder. It keeps its own IMAP
 * connection, separate from the reader's, so a broken move never disturbs reading; it is only ever
 * called after the results of those messages have been committed.
 */
public class MailArchiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailArchiver.class);

    private final ImapConnector connector;
    private final String sourceFolder;
    private final boolean moveAllowed;
    private ArchiveMoments moments = ArchiveMoments.NONE;
    private ImapSession session;

    public MailArchiver(ImapConnector connector, String sourceFolder) {
        this(connector, sourceFolder, true);
    }

    /** @param moveAllowed false: always UID COPY + UID EXPUNGE, even where the server offers MOVE */
    public MailArchiver(ImapConnector connector, String sourceFolder, boolean moveAllowed) {
        this.connector = connector;
        this.sourceFolder = sourceFolder;
        this.moveAllowed = moveAllowed;
    }

    public void setMoments(ArchiveMoments moments) {
        this.moments = moments;
    }

    /**
     * @param uidsByFolder target folder ("/"-separated) → UIDs to move there
     * @return messages moved per target folder
     * @throws MessagingException after closing the connection, so the next call starts afresh
     */
    public synchronized Map<String, Integer> move(Map<String, long[]> uidsByFolder) throws MessagingException {
        Map<String, Integer> moved = new LinkedHashMap<>();
        try {
            ImapSession s = session();
            for (Map.Entry<String, long[]> e : uidsByFolder.entrySet()) {
                if (e.getValue().length == 0) {
                    continue;
                }
                String target = s.ensureFolder(e.getKey());
                s.move(e.getValue(), target, moveAllowed);
                moved.put(e.getKey(), e.getValue().length);
                moments.folderMoved();
            }
            return moved;
        } catch (MessagingException | RuntimeException e) {
            log.warn("moving messages out of {} failed after {} folders: {}", sourceFolder, moved.size(), e.toString());
            close();
            throw e;
        }
    }

    /** The source folder's current UIDVALIDITY, as the archiver's own connection sees it. */
    public synchronized long uidValidity() throws MessagingException {
        try {
            return session().uidValidity();
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private ImapSession session() throws MessagingException {
        if (session == null) {
            session = connector.open(sourceFolder);
        }
        return session;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
