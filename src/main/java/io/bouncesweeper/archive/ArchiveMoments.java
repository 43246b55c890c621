package io.bouncesweeper.archive;

/**
 * The moments of a chunk's way from its write to the archive folders, for whoever must act at
 * one of them: the crash harness of the tests halts the JVM there. Production wiring has no such
 * listener and uses {@link #NONE}.
 */
public interface ArchiveMoments {
    ArchiveMoments NONE = new ArchiveMoments() { };

    /** The chunk's rows and list updates are written; its transaction has not committed. */
    default void written() {
    }

    /** The chunk has committed; its move has not started. */
    default void committed() {
    }

    /** One target folder of a move is done, the others not (once per folder). */
    default void folderMoved() {
    }

    /** The messages are moved; their outbox rows are not yet marked archived. */
    default void moved() {
    }
}
