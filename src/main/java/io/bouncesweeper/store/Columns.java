package io.bouncesweeper.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Fitting mail-derived text into columns: never let one odd value fail a whole chunk. */
final class Columns {
    private Columns() {
    }

    /**
     * An instant as the UTC wall time that the DATETIME(6) columns hold. Bound as a LocalDateTime, which
     * Connector/J sends as is; a java.sql.Timestamp would cost a new SimpleDateFormat per value.
     */
    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The instant a DATETIME(6) column written by {@link #utc(Instant)} holds; null for NULL. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
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
