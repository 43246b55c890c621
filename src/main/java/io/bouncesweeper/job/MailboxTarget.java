package io.bouncesweeper.job;

import io.bouncesweeper.imap.ImapSettings;

/**
 * One folder of one account that a run sweeps: a partition of the job.
 *
 * @param mailbox the account as stored with each message: {@code user@host}, or the entry's {@code identity}
 */
public record MailboxTarget(String mailbox, String folder, ImapSettings settings) {
    @Override
    public String toString() {
        return mailbox + "/" + folder;
    }
}
