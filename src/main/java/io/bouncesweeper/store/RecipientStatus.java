package io.bouncesweeper.store;

import java.util.Locale;

/** The list state of one address, as stored in {@code recipient_state.status}. */
public enum RecipientStatus {
    ACTIVE, SOFT_BOUNCING, SUPPRESSED, COMPLAINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecipientStatus ofCode(String code) {
        return code == null ? ACTIVE : valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** Suppressed and complained are final: no later event takes an address back onto the list. */
    public boolean isFinal() {
        return this == SUPPRESSED || this == COMPLAINED;
    }
}
