package io.bouncesweeper.store;

import java.util.Locale;

/** How the list policy treats a bounce reason: see {@code store/reason-groups.tsv}. */
public enum ReasonGroup {
    /** The address itself is bad: suppress at once. */
    RECIPIENT,
    /** Temporary trouble on the recipient's side: counts towards the soft threshold. */
    SOFT,
    /** The sender's own problem: never suppresses the recipient. */
    SENDER,
    /** No failure. */
    NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReasonGroup ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
