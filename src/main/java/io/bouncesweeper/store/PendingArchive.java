package io.bouncesweeper.store;

/** A committed message still waiting to be moved out of its source folder. */
public record PendingArchive(long uid, String targetFolder) {
}
