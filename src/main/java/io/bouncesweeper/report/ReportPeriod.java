package io.bouncesweeper.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both included, in UTC like the stored times. Events count by their own
 * time (the bounce's Date header), not by when the job read them.
 */
public record ReportPeriod(LocalDate since, LocalDate until) {
    /** More days than this would make the daily charts unreadable and the queries slow. */
    static final int MAX_DAYS = 3660;

    public ReportPeriod {
        if (since == null || until == null) {
            throw new IllegalArgumentException("a report period needs both ends");
        }
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until);
        }
        if (since.plusDays(MAX_DAYS).isBefore(until)) {
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        }
    }

    /** The last {@code days} days up to and including {@code until}. */
    public static ReportPeriod lastDays(int days, LocalDate until) {
        return new ReportPeriod(until.minusDays(days - 1L), until);
    }

    LocalDateTime from() {
        return since.atStartOfDay();
    }

    /** Exclusive end: the start of the day after {@code until}. */
    LocalDateTime to() {
        return until.plusDays(1).atStartOfDay();
    }

    List<String> days() {
        List<String> days = new ArrayList<>();
        for (LocalDate d = since; !d.isAfter(until); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        return days;
    }
}
