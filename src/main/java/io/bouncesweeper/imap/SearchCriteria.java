package io.bouncesweeper.imap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** IMAP SEARCH criteria for the reader: unseen only, and a date range on the internal date. */
public final class SearchCriteria {
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private SearchCriteria() {
    }

    public static String of(boolean unseenOnly, LocalDate since, LocalDate before) {
        StringBuilder sb = new StringBuilder();
        if (unseenOnly) {
            sb.append("UNSEEN");
        }
        if (since != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("SINCE ").append(IMAP_DATE.format(since));
        }
        if (before != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("BEFORE ").append(IMAP_DATE.format(before));
        }
        return sb.toString();
    }
}
