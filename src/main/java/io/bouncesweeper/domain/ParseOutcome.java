package io.bouncesweeper.domain;

/** Whether a message could be read as a report at all. */
public enum ParseOutcome {
    /** A report was found; records holds one entry per recipient. */
    PARSED,
    /** Well-formed mail that is no delivery report (a human reply, spam, a newsletter). */
    NOT_A_REPORT,
    /** Broken or unrecognisable mail: goes to quarantine with the error kept. */
    UNPARSED
}
