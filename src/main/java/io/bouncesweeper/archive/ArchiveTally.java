package io.bouncesweeper.archive;

import java.util.Map;

/** Where the archive reports what it moved and what it had to leave for a later pass. */
public interface ArchiveTally {
    void archived(Map<String, Integer> movedByFolder);

    void archiveDeferred(int messages);

    /** The run's progress so far, logged after each move. */
    String progressLine();
}
