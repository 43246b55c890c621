package io.bouncesweeper.support;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSettings;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** A real IMAP account seen from a test: seed it, count its folders, empty it. */
public record TestMailbox(String host, int port, ImapSecurity security, String user, String password, String trustStore) {

    public ImapConnector connector() {
        return new ImapConnector(new ImapSettings(host, port, user, password, security, trustStore, null,
                Duration.ofSeconds(10), Duration.ofSeconds(60)));
    }

    /** Appends raw messages to a folder (created when missing) with IMAP APPEND, unseen. */
    public void append(String folderName, List<byte[]> messages) throws MessagingException {
        try (Store store = connector().connect()) {
            Folder folder = store.getFolder(folderName.replace('/', store.getDefaultFolder().getSeparator()));
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            Session session = Session.getInstance(new Properties());
            Message[] batch = new Message[messages.size()];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = new MimeMessage(session, new ByteArrayInputStream(messages.get(i)));
                batch[i].setFlags(new Flags(Flags.Flag.SEEN), false);
            }
            folder.appendMessages(batch);
        }
    }

    /**
     * Appends raw messages with IMAP APPEND exactly as given, each with the server's own date
     * (INTERNALDATE, which SEARCH SINCE/BEFORE compare) set to {@code internalDate}, and flagged
     * \Seen when asked (as mail another client has already read).
     */
    public void appendDated(String folderName, List<byte[]> messages, java.util.Date internalDate, boolean seen)
            throws MessagingException {
        try (Store store = connector().connect()) {
            org.eclipse.angus.mail.imap.IMAPFolder folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            Flags flags = seen ? new Flags(Flags.Flag.SEEN) : null;
            for (byte[] m : messages) {
                folder.doCommand(p -> {
                    p.append(folder.getFullName(), flags, internalDate, new org.eclipse.angus.mail.iap.Literal() {
                        @Override
                        public int size() {
                            return m.length;
                        }

                        @Override
                        public void writeTo(java.io.OutputStream os) throws java.io.IOException {
                            os.write(m);
                        }
                    });
                    return null;
                });
            }
        }
    }

    /** Appends one message flagged \Seen and \Deleted (as another client would leave it); returns its UID. */
    public long appendDeletedSeen(String folderName, byte[] message) throws MessagingException {
        try (Store store = connector().connect()) {
            jakarta.mail.UIDFolder folder = (jakarta.mail.UIDFolder) store.getFolder(folderName);
            Folder f = (Folder) folder;
            f.open(Folder.READ_WRITE);
            long before = folder.getUIDNext();
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
            m.setFlags(new Flags(Flags.Flag.SEEN), true);
            m.setFlags(new Flags(Flags.Flag.DELETED), true);
            f.appendMessages(new Message[]{m});
            f.close(false);
            return before;
        }
    }

    /** UIDs in a folder. */
    public List<Long> uids(String folderName) throws MessagingException {
        try (Store store = connector().connect()) {
            Folder f = store.getFolder(folderName);
            f.open(Folder.READ_ONLY);
            List<Long> result = new java.util.ArrayList<>();
            for (Message m : f.getMessages()) {
                result.add(((jakarta.mail.UIDFolder) f).getUID(m));
            }
            f.close(false);
            return result;
        }
    }

    /** Message count of a folder ("/"-separated), 0 when it does not exist. */
    public int count(String folderName) throws MessagingException {
        try (Store store = connector().connect()) {
            Folder folder = store.getFolder(folderName.replace('/', store.getDefaultFolder().getSeparator()));
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    /** Empties INBOX and deletes every other folder, for a clean start. */
    public void clear() throws MessagingException {
        try (Store store = connector().connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                m.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
            for (Folder f : store.getDefaultFolder().list("*")) {
                if (!f.getFullName().equalsIgnoreCase("INBOX") && f.exists()) {
                    try {
                        f.delete(true);
                    } catch (MessagingException ignored) {
                        // a parent deleted before its child, or a server-protected folder
                    }
                }
            }
        }
    }
}
