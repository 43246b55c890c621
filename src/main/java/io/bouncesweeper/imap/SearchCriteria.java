package io.bouncesweeper.imap;

import io.bouncesweeper.domain.UidRange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * IMAP SEARCH criteria for the reader: unseen only, a date range on the internal date, and the part
 * of the folder this process reads by UID.
 */
public final class SearchCriteria {
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private SearchCriteria() {
    }

    public static String of(boolean unseenOnly, LocalDate since, LocalDate before) {
        return of(unseenOnly, since, before, UidRange.ALL);
    }

    public static String of(boolean unseenOnly, LocalDate since, LocalDate before, UidRange uids) {
        StringBuilder sb = new StringBuilder(uids.searchKey());
        if (unseenOnly) {
            sb.append(sb.isEmpty() ? "" : " ").append("UNSEEN");
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
