package io.bouncesweeper.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything one report shows, as the page's script receives it (JSON). Counts are of stored
 * events ({@code bounce_event}, kind bounce) and messages ({@code bounce_message}) in the period.
 *
 * @param echarts the version of Apache ECharts inlined in the page
 */
public record ReportData(
        Instant generatedAt,
        ReportPeriod period,
        String echarts,
        Summary summary,
        DailySeries bouncesPerDay,
        List<ReasonRow> reasons,
        List<DomainRow> domains,
        SenderSide senderSide,
        Suppressions suppressions,
        Quarantine quarantine) {

    /**
     * @param messages     messages the job read in the period (by when it read them)
     * @param datedEarlier of those, the ones whose own date lies before the period: their bounces are not
     *                     in this period's counts and charts, which go by the bounce's date
     * @param released     null when this database records no releases (no unsuppress overrides)
     */
    public record Summary(long messages, long datedEarlier, long bounces, long hard, long soft, long recipients, long senderSide,
                          long suppressed, long complained, Long released, long quarantined) {
    }

    /** One value per day of the period for each series, zero days included. */
    public record DailySeries(List<String> days, List<Series> series) {
    }

    public record Series(String name, List<Long> data) {
    }

    /** A reason with the operator action the classifier chose for it, and that action's advice. */
    public record ReasonRow(String reason, String group, String action, String advice, long events, long recipients) {
    }

    public record DomainRow(String domain, long events, long hard, long soft) {
    }

    /** A sender-side failure, grouped by receiving provider and sending IP (as the refusal names it). */
    public record SenderRow(String provider, String senderIp, String reason, String action, String advice,
                            long events, long recipients, Instant firstSeen, Instant lastSeen) {
    }

    public record Tally(String name, long events) {
    }

    public record SenderSide(List<SenderRow> rows, List<Tally> byProvider, List<Tally> bySendingIp) {
    }

    /**
     * @param recorded whether the database records releases at all (the unsuppress overrides)
     */
    public record Suppressions(DailySeries perDay, boolean recorded) {
    }

    public record QuarantinedMessage(String mailbox, String folder, long uid, Instant at, String error) {
    }

    public record Quarantine(DailySeries perDay, List<Tally> byError, List<QuarantinedMessage> latest) {
    }
}
