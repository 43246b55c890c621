package io.bouncesweeper.domain;

import java.util.Objects;

/**
 * Identity of one message in one IMAP folder. UIDs are only unique together with the folder's
 * UIDVALIDITY: a recreated folder reuses UIDs, so the pair is the key, never the UID alone.
 */
public record MessageKey(String mailbox, String folder, long uidValidity, long uid) {
    public MessageKey {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String toString() {
        return mailbox + "/" + folder + ";UIDVALIDITY=" + uidValidity + "/;UID=" + uid;
    }
}
