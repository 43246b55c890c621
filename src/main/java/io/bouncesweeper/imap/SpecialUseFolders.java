package io.bouncesweeper.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder named by its RFC 6154 special use ({@code \Junk}, {@code \Trash}, ...) instead of its name,
 * which differs per provider and language ("Junk", "Spam", "[Gmail]/Spam", "Junk Email", "Courrier indésirable").
 */
public final class SpecialUseFolders {
    /** The special-use attributes of RFC 6154, section 2. */
    public static final List<String> ATTRIBUTES = List.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent",
            "\\Trash");

    private SpecialUseFolders() {
    }

    /** Whether a mailbox entry's {@code folder} names a special use rather than a folder. */
    public static boolean isSpecialUse(String folder) {
        return folder != null && folder.startsWith("\\");
    }

    /** The RFC 6154 attribute {@code folder} names, in its canonical spelling, or empty if it names none. */
    public static Optional<String> attribute(String folder) {
        return ATTRIBUTES.stream().filter(a -> a.equalsIgnoreCase(folder)).findFirst();
    }

    /**
     * The name of the folder the server lists with {@code attribute}: by {@code LIST (SPECIAL-USE)} when
     * the server announces SPECIAL-USE, else from the attributes of a plain LIST (which Gmail, Exchange
     * and Dovecot fill in too).
     */
    public static Optional<String> find(ImapSettings settings, String attribute) throws MessagingException {
        try (IMAPStore store = new ImapConnector(settings).connect()) {
            List<Listed> folders = store.hasCapability("SPECIAL-USE") ? listSpecialUse(store) : listAll(store);
            return folders.stream()
                    .filter(f -> f.attributes() != null && List.of(f.attributes()).stream().anyMatch(attribute::equalsIgnoreCase))
                    .map(Listed::name)
                    .findFirst();
        }
    }

    private record Listed(String name, String[] attributes) {
    }

    private static List<Listed> listSpecialUse(IMAPStore store) throws MessagingException {
        IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
        Object result = root.doCommand(protocol -> {
            Response[] responses = protocol.command("LIST (SPECIAL-USE) \"\" \"*\"", null);
            protocol.handleResult(responses[responses.length - 1]);
            List<Listed> listed = new ArrayList<>();
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("LIST")) {
                    ListInfo info = new ListInfo(ir);
                    listed.add(new Listed(info.name, info.attrs));
                }
            }
            return listed;
        });
        @SuppressWarnings("unchecked")
        List<Listed> listed = (List<Listed>) result;
        return listed;
    }

    private static List<Listed> listAll(IMAPStore store) throws MessagingException {
        List<Listed> listed = new ArrayList<>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            listed.add(new Listed(f.getFullName(), ((IMAPFolder) f).getAttributes()));
        }
        return listed;
    }
}
