package io.bouncesweeper.imap;

import java.util.function.Predicate;

/**
 * How messages leave the source folder, chosen from the server's CAPABILITY before anything is
 * copied: a half-done COPY path that is only then found impossible would leave the mail in place
 * and copy it again on every retry.
 */
public enum ArchivePath {
    /** UID MOVE (RFC 6851): atomic, each message ends up in exactly one folder. */
    UID_MOVE,
    /** UID COPY, \Deleted, UID EXPUNGE of exactly these UIDs (UIDPLUS, RFC 4315). */
    COPY_AND_UID_EXPUNGE,
    /**
     * UID COPY, \Deleted, plain EXPUNGE: also removes every other message flagged \Deleted in the
     * folder, so only with {@code bounce-sweeper.imap.allow-plain-expunge=true}.
     */
    COPY_AND_PLAIN_EXPUNGE;

    public static final String PLAIN_EXPUNGE_SETTING = "bounce-sweeper.imap.allow-plain-expunge";

    /**
     * @param capabilities     whether the server advertises a capability (after login)
     * @param moveAllowed      {@code bounce-sweeper.imap.use-move}
     * @param plainExpungeAllowed {@value #PLAIN_EXPUNGE_SETTING}
     * @param account          named in the refusal
     * @throws MissingCapabilityException when only a plain EXPUNGE would do and it is not allowed
     */
    public static ArchivePath choose(Predicate<String> capabilities, boolean moveAllowed, boolean plainExpungeAllowed,
                                     String account) {
        boolean move = capabilities.test("MOVE");
        if (moveAllowed && move) {
            return UID_MOVE;
        }
        if (capabilities.test("UIDPLUS")) {
            return COPY_AND_UID_EXPUNGE;
        }
        if (plainExpungeAllowed) {
            return COPY_AND_PLAIN_EXPUNGE;
        }
        throw new MissingCapabilityException("the IMAP server of " + account + " lacks UIDPLUS (RFC 4315)"
                + (move ? ", and MOVE is switched off by bounce-sweeper.imap.use-move=false" : " and MOVE (RFC 6851)")
                + ": archiving by COPY could only end with a plain EXPUNGE, which also removes every other message "
                + "flagged \\Deleted in the folder; nothing was copied. Set " + PLAIN_EXPUNGE_SETTING
                + "=true to allow that" + (move ? ", or bounce-sweeper.imap.use-move=true" : ""));
    }

    /** The server cannot archive the way the settings allow; raised before any mail is touched. */
    public static final class MissingCapabilityException extends IllegalStateException {
        public MissingCapabilityException(String message) {
            super(message);
        }
    }
}
