package io.bouncesweeper.robust;

import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * IMAP APPEND of raw bytes, exactly as given: {@link TestMailbox#append} goes through MimeMessage,
 * which would re-read (and partly repair) the broken mail this package is about.
 */
final class RawAppend {
    private RawAppend() {
    }

    static void append(TestMailbox mailbox, String folderName, List<byte[]> messages) throws MessagingException {
        try (Store store = mailbox.connector().connect()) {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            folder.open(Folder.READ_WRITE);
            try {
                for (byte[] m : messages) {
                    folder.doCommand(p -> {
                        p.append(folder.getFullName(), null, null, literal(m));
                        return null;
                    });
                }
            } finally {
                folder.close(false);
            }
        }
    }

    private static Literal literal(byte[] bytes) {
        return new Literal() {
            @Override
            public int size() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream os) throws IOException {
                os.write(bytes);
            }
        };
    }
}
