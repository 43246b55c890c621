package io.bouncesweeper.job;

/** What a run does with its results. */
public enum SweepMode {
    /** Store, then move the mail into the archive folders. */
    ARCHIVE,
    /** Store, leave the mail where it is (reprocessing a folder that must stay as it is). */
    KEEP_IN_PLACE,
    /** Decide and report only: no database writes, no moves. */
    DRY_RUN
}
