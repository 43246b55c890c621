package io.bouncesweeper.read;

/** What the store has committed for a folder: the reader's cross-check of its saved position. */
@FunctionalInterface
public interface CommittedPosition {
    /** The highest UID stored for the folder under this UIDVALIDITY, 0 when none. */
    long highestStoredUid(String mailbox, String folder, long uidValidity);
}
