package io.bouncesweeper.domain;

import java.util.Locale;

/** What a decoded record reports. Only {@link #BOUNCE} is a delivery failure. */
public enum RecordKind {
    BOUNCE, DELIVERED, COMPLAINT, AUTOREPLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
