package io.bouncesweeper.job;

import io.bouncesweeper.domain.UidRange;
import io.bouncesweeper.imap.ImapSettings;

/**
 * One folder of one account that a run sweeps, or one UID range of it: a partition of the job.
 *
 * @param mailbox the account as stored with each message: {@code user@host}, or the entry's {@code identity}
 * @param uids    the part of the folder read (the whole folder unless it is split over several processes)
 */
public record MailboxTarget(String mailbox, String folder, ImapSettings settings, UidRange uids) {
    public MailboxTarget(String mailbox, String folder, ImapSettings settings) {
        this(mailbox, folder, settings, UidRange.ALL);
    }

    /** The same target in {@code folder} (a special use resolved to the server's name for it). */
    public MailboxTarget withFolder(String folder) {
        return folder.equals(this.folder) ? this : new MailboxTarget(mailbox, folder, settings, uids);
    }

    /** What the target's lock is named by: the folder, or the folder and its UID range. */
    String lockedPart() {
        return uids.isAll() ? folder : folder + "\nUID " + uids;
    }

    @Override
    public String toString() {
        return mailbox + "/" + folder + (uids.isAll() ? "" : " (UID " + uids + ")");
    }
}
