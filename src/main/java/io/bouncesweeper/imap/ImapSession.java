package io.bouncesweeper.imap;

import org.eclipse.angus.mail.iap.Argument;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One selected folder, driven by UID with raw IMAP commands where Jakarta Mail's API would cost a
 * round trip per message or work on sequence numbers: UID SEARCH, one UID FETCH per UID set with
 * BODY.PEEK[] (never sets \Seen), UID MOVE, and the UID COPY + UID EXPUNGE fallback.
 */
public final class ImapSession implements AutoCloseable {
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final Set<String> existingFolders = new HashSet<>();
    private final boolean allowPlainExpunge;
    private final String account;

    private ImapSession(IMAPStore store, IMAPFolder folder, boolean allowPlainExpunge, String account) {
        this.store = store;
        this.folder = folder;
        this.allowPlainExpunge = allowPlainExpunge;
        this.account = account;
    }

    static ImapSession open(IMAPStore store, String folderName, ImapSettings settings) throws MessagingException {
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            if (!folder.exists()) {
                throw new MessagingException("IMAP folder '" + folderName + "' does not exist (bounce-sweeper.imap.folder)");
            }
            folder.open(Folder.READ_WRITE);
            return new ImapSession(store, folder, settings.allowPlainExpunge(), settings.user() + "@" + settings.host());
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    public boolean hasCapability(String capability) throws MessagingException {
        return store.hasCapability(capability);
    }

    /**
     * UIDs above {@code afterUid}, ascending, matching extra IMAP SEARCH criteria (e.g.
     * {@code UNSEEN SINCE 1-Jan-2025}; empty for all).
     */
    public long[] searchUids(long afterUid, String criteria) throws MessagingException {
        String command = "UID SEARCH UID " + (afterUid + 1) + ":*" + (criteria.isBlank() ? "" : " " + criteria);
        return (long[]) folder.doCommand(p -> {
            Response[] responses = p.command(command, null);
            List<Long> uids = new ArrayList<>();
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                    long uid;
                    while ((uid = ir.readLong()) != -1) {
                        // "n:*" always matches the highest UID, even when it is below n
                        if (uid > afterUid) {
                            uids.add(uid);
                        }
                    }
                }
            }
            p.handleResult(responses[responses.length - 1]);
            return uids.stream().mapToLong(Long::longValue).sorted().toArray();
        });
    }

    /**
     * Fetches the given UIDs in one command. Messages above {@code maxBytes} come back cut at that
     * size with {@code truncated} set, so one huge attachment cannot exhaust the heap. UIDs that no
     * longer exist (deleted by someone else) are simply absent from the result.
     */
    public List<FetchedMessage> fetch(long[] uids, long maxBytes) throws MessagingException {
        if (uids.length == 0) {
            return List.of();
        }
        String command = "UID FETCH " + UidSets.format(uids) + " (UID RFC822.SIZE BODY.PEEK[]<0." + maxBytes + ">)";
        @SuppressWarnings("unchecked")
        List<FetchedMessage> result = (List<FetchedMessage>) folder.doCommand(p -> {
            Response[] responses = p.command(command, null);
            List<FetchedMessage> messages = new ArrayList<>(uids.length);
            for (Response r : responses) {
                if (r instanceof FetchResponse fr) {
                    UID uid = fr.getItem(UID.class);
                    BODY body = fr.getItem(BODY.class);
                    if (uid == null || body == null) {
                        continue; // an unsolicited FETCH (flag change) of another message
                    }
                    RFC822SIZE size = fr.getItem(RFC822SIZE.class);
                    byte[] bytes = body.getByteArray() == null ? new byte[0] : body.getByteArray().getNewBytes();
                    long fullSize = size != null ? size.size : bytes.length;
                    messages.add(new FetchedMessage(uid.uid, fullSize, bytes, fullSize > bytes.length));
                }
            }
            p.handleResult(responses[responses.length - 1]);
            messages.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            return messages;
        });
        return result;
    }

    private static final Object FOLDER_CREATION = new Object();

    /** Creates {@code name} ("/"-separated levels) when missing; returns the server's full name. */
    public String ensureFolder(String name) throws MessagingException {
        char separator = store.getDefaultFolder().getSeparator();
        String serverName = name.replace('/', separator);
        if (existingFolders.contains(serverName)) {
            return serverName;
        }
        Folder target = store.getFolder(serverName);
        // Partitions archive into the same folders side by side: in this process they create them one
        // at a time; another process may still win the race, so a failed CREATE looks again.
        synchronized (FOLDER_CREATION) {
            if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES) && !target.exists()) {
                throw new MessagingException("cannot create IMAP folder '" + serverName + "'");
            }
        }
        existingFolders.add(serverName);
        return serverName;
    }

    /**
     * Moves the UIDs into {@code targetFolder} (a server name from {@link #ensureFolder}) by the
     * {@link ArchivePath} the server's CAPABILITY allows, chosen before anything is copied. UID MOVE
     * where the server has it (RFC 6851: each message ends up in at least one folder); else UID COPY,
     * \Deleted and UID EXPUNGE of exactly these UIDs, or, only where allowed, a plain EXPUNGE. The COPY
     * paths skip UIDs already flagged \Deleted: an earlier try copied them and failed before its
     * EXPUNGE, so a retry never copies a message twice. UIDs that no longer exist are ignored by the server.
     *
     * @param moveAllowed false to use the COPY path even where the server offers MOVE (for servers
     *                    whose MOVE misbehaves)
     * @throws ArchivePath.MissingCapabilityException before any command when the server cannot archive
     *                    the way the settings allow
     */
    public void move(long[] uids, String targetFolder, boolean moveAllowed) throws MessagingException {
        if (uids.length == 0) {
            return;
        }
        ArchivePath path = archivePath(moveAllowed);
        String set = UidSets.format(uids);
        String encoded = BASE64MailboxEncoder.encode(targetFolder);
        folder.doCommand(p -> {
            if (path == ArchivePath.UID_MOVE) {
                simple(p, "UID MOVE", set, encoded);
                return null;
            }
            long[] toCopy = notYetDeleted(p, uids, set);
            if (toCopy.length > 0) {
                simple(p, "UID COPY", UidSets.format(toCopy), encoded);
            }
            Response[] r = p.command("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
            p.handleResult(r[r.length - 1]);
            r = p.command(path == ArchivePath.COPY_AND_UID_EXPUNGE ? "UID EXPUNGE " + set : "EXPUNGE", null);
            p.handleResult(r[r.length - 1]);
            return null;
        });
    }

    /** How this session's server lets {@link #move} archive; see {@link ArchivePath#choose}. */
    public ArchivePath archivePath(boolean moveAllowed) throws MessagingException {
        return ArchivePath.choose(this::capability, moveAllowed, allowPlainExpunge, account);
    }

    private boolean capability(String name) {
        try {
            return store.hasCapability(name);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the CAPABILITY of " + account + ": " + e.getMessage(), e);
        }
    }

    /** The UIDs of the set not yet flagged \Deleted (those that are were copied by an interrupted earlier try). */
    private static long[] notYetDeleted(IMAPProtocol p, long[] uids, String set) throws ProtocolException {
        Response[] responses = p.command("UID SEARCH UID " + set + " DELETED", null);
        Set<Long> deleted = new HashSet<>();
        for (Response r : responses) {
            if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                long uid;
                while ((uid = ir.readLong()) != -1) {
                    deleted.add(uid);
                }
            }
        }
        p.handleResult(responses[responses.length - 1]);
        return java.util.Arrays.stream(uids).filter(uid -> !deleted.contains(uid)).toArray();
    }

    private static void simple(IMAPProtocol p, String command, String set, String mailbox) throws ProtocolException {
        Argument args = new Argument();
        args.writeAtom(set);
        args.writeString(mailbox);
        Response[] r = p.command(command, args);
        p.handleResult(r[r.length - 1]);
    }

    @Override
    public void close() {
        // Only LOGOUT, no folder.close(): folder.isOpen() sends a NOOP that pulls in one EXPUNGE response
        // per message the archiver moved meanwhile, and Angus's message cache handles each in O(n)
        // (10,000 moved messages cost about a second of CPU). LOGOUT expunges nothing, like CLOSE(false).
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // same
        }
    }

    @Override
    public String toString() {
        return "ImapSession[" + folder.getFullName() + "]";
    }
}
