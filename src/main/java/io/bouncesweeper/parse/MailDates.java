package io.bouncesweeper.parse;

import io.bouncesweeper.smtp.Squash;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** RFC 5322 dates as mail really writes them: comments, named zones, missing weekday. Null when unreadable. */
final class MailDates {
    private MailDates() {
    }

    static Instant parse(String value) {
        if (value == null || value.length() > 200) {
            return null;
        }
        String v = value;
        int paren = v.indexOf('(');
        if (paren > 0) {
            v = v.substring(0, paren);
        }
        v = Squash.of(v);
        int comma = v.indexOf(',');
        if (comma >= 0 && comma < 5) {
            v = v.substring(comma + 1).trim(); // weekday names are optional and often wrong
        }
        String[] t = words(v);
        if (t.length == 4) { // no zone: assume UTC
            t = new String[]{t[0], t[1], t[2], t[3], "+0000"};
        }
        if (t.length < 5) {
            return null;
        }
        String zone = t[4].toUpperCase(Locale.ROOT);
        switch (zone) {
            case "UT", "UTC", "GMT", "Z" -> t[4] = "+0000";
            case "EST" -> t[4] = "-0500";
            case "EDT" -> t[4] = "-0400";
            case "CST" -> t[4] = "-0600";
            case "CDT" -> t[4] = "-0500";
            case "MST" -> t[4] = "-0700";
            case "MDT" -> t[4] = "-0600";
            case "PST" -> t[4] = "-0800";
            case "PDT" -> t[4] = "-0700";
            case "JST" -> t[4] = "+0900";
            default -> { }
        }
        // Read the fields by hand: DateTimeFormatter's resolver costs more than the rest of a bounce's parse.
        try {
            int day = Integer.parseInt(t[0]);
            int month = month(t[1]);
            int year = Integer.parseInt(t[2]);
            if (t[2].length() == 2) {
                year += 2000;
            } else if (t[2].length() != 4) {
                return null;
            }
            String[] hms = t[3].split(":");
            if (hms.length < 2 || hms.length > 3) {
                return null;
            }
            int hour = Integer.parseInt(hms[0]);
            int minute = Integer.parseInt(hms[1]);
            int second = hms.length == 3 ? Integer.parseInt(hms[2]) : 0;
            if (month == 0 || hms[1].length() != 2 || (hms.length == 3 && hms[2].length() != 2) || hms[0].length() > 2) {
                return null;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset(t[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code v.split(" ")} for a squashed value (no leading, trailing or double spaces), without
     * the list and copies split makes.
     */
    private static String[] words(String v) {
        int n = 1;
        for (int i = v.indexOf(' '); i >= 0; i = v.indexOf(' ', i + 1)) {
            n++;
        }
        String[] out = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int sp = v.indexOf(' ', from);
            out[k] = v.substring(from, sp);
            from = sp + 1;
        }
        out[n - 1] = v.substring(from);
        return out;
    }

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    /** 1 to 12, or 0 when not an English month abbreviation. */
    private static int month(String name) {
        if (name.length() != 3) {
            return 0;
        }
        int i = MONTHS.indexOf(name.toLowerCase(Locale.ROOT));
        return i >= 0 && i % 3 == 0 ? i / 3 + 1 : 0;
    }

    /** "+hhmm" or "-hhmm"; anything else fails the date. */
    private static ZoneOffset offset(String zone) {
        if (zone.length() != 5 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
            throw new IllegalArgumentException("zone");
        }
        int hours = Integer.parseInt(zone.substring(1, 3));
        int minutes = Integer.parseInt(zone.substring(3, 5));
        if (minutes > 59 || zone.charAt(1) == '+' || zone.charAt(3) == '+' || zone.charAt(1) == '-' || zone.charAt(3) == '-') {
            throw new IllegalArgumentException("zone");
        }
        if (hours == 0 && minutes == 0) {
            return ZoneOffset.UTC; // what ofHoursMinutes gives, without its cache lookup
        }
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
