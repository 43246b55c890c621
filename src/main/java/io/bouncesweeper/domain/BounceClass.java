package io.bouncesweeper.domain;

import java.util.Locale;

/** Hard: permanent, the address will not work. Soft: temporary, worth a retry. None: not a failure. */
public enum BounceClass {
    HARD, SOFT, NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
