package io.bouncesweeper.store;

import java.util.Locale;

/** Fitting mail-derived text into columns: never let one odd value fail a whole chunk. */
final class Columns {
    private Columns() {
    }

    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Addresses are compared case-insensitively; an over-long one is no address. */
    static String address(String value) {
        if (value == null) {
            return null;
        }
        String a = value.trim().toLowerCase(Locale.ROOT);
        return a.isEmpty() || a.length() > 320 ? null : a;
    }

    static String domain(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? null : cut(address.substring(at + 1), 255);
    }
}
