package io.bouncesweeper.parse;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
        v = Text.squash(v);
        int comma = v.indexOf(',');
        if (comma >= 0 && comma < 5) {
            v = v.substring(comma + 1).trim(); // weekday names are optional and often wrong
        }
        String[] t = v.split(" ");
        if (t.length == 4) { // no zone: assume UTC
            v = v + " +0000";
            t = v.split(" ");
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
        String time = t[3].length() == 5 ? t[3] + ":00" : t[3];
        if (time.length() == 7) {
            time = "0" + time;
        }
        String day = t[0].length() == 1 ? "0" + t[0] : t[0];
        String month = t[1].length() >= 3 ? Character.toUpperCase(t[1].charAt(0)) + t[1].substring(1, 3).toLowerCase(Locale.ROOT) : t[1];
        String year = t[2].length() == 2 ? "20" + t[2] : t[2];
        try {
            return ZonedDateTime.parse(day + " " + month + " " + year + " " + time + " " + t[4], FORMAT).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH);
}
