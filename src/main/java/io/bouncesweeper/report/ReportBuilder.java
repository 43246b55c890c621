package io.bouncesweeper.report;

import io.bouncesweeper.report.ReportData.SenderRow;
import io.bouncesweeper.report.ReportData.Tally;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Gathers one report's data from the database. */
public class ReportBuilder {
    static final String UNKNOWN_PROVIDER = "(provider unknown)";

    private final ReportQueries queries;
    private final Clock clock;

    public ReportBuilder(ReportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public ReportData build(ReportPeriod period, int top) {
        List<SenderRow> senderRows = queries.senderSide(period);
        return new ReportData(clock.instant(), period, HtmlReport.echartsVersion(),
                queries.summary(period),
                queries.bouncesPerDay(period),
                queries.topReasons(period, top),
                queries.topRecipientDomains(period, top),
                new ReportData.SenderSide(senderRows.subList(0, Math.min(senderRows.size(), 5 * top)),
                        top(senderRows, r -> r.provider() == null ? UNKNOWN_PROVIDER : r.provider(), top),
                        top(senderRows.stream().filter(r -> r.senderIp() != null).toList(), SenderRow::senderIp, top)),
                new ReportData.Suppressions(queries.suppressionsPerDay(period), queries.releasesRecorded()),
                new ReportData.Quarantine(queries.quarantinedPerDay(period), queries.quarantineErrors(period, top),
                        queries.latestQuarantined(period, top)));
    }

    /** Events summed by a key, largest first. */
    static List<Tally> top(List<SenderRow> rows, Function<SenderRow, String> key, int top) {
        Map<String, Long> sums = new LinkedHashMap<>();
        rows.forEach(r -> sums.merge(key.apply(r), r.events(), Long::sum));
        List<Tally> tallies = new ArrayList<>();
        sums.forEach((name, n) -> tallies.add(new Tally(name, n)));
        tallies.sort((a, b) -> a.events() != b.events() ? Long.compare(b.events(), a.events()) : a.name().compareTo(b.name()));
        return tallies.subList(0, Math.min(top, tallies.size()));
    }
}
