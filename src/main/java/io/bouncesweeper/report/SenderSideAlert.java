package io.bouncesweeper.report;

import io.bouncesweeper.report.ReportData.SenderRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One provider's sender-side failures in one run, at or above the alert threshold: the provider
 * (the remote MTA's domain; where the refusal named none, the sending IP), how many failures, the
 * sending IPs and reasons seen, and the advice of their operator actions (the one wording kept by
 * {@link io.bouncesweeper.domain.OperatorAction}), most frequent first.
 */
public record SenderSideAlert(String provider, long failures, List<String> sendingIps, Map<String, Long> reasons,
                              List<String> advice) {
    static final String UNKNOWN = "unknown provider";

    /** The alerts of a run's sender-side rows: one per provider with {@code threshold} failures or more, the largest first. */
    public static List<SenderSideAlert> of(List<SenderRow> rows, int threshold) {
        Map<String, List<SenderRow>> byProvider = new LinkedHashMap<>();
        for (SenderRow row : rows) {
            byProvider.computeIfAbsent(providerOf(row), p -> new ArrayList<>()).add(row);
        }
        List<SenderSideAlert> alerts = new ArrayList<>();
        byProvider.forEach((provider, group) -> {
            long failures = group.stream().mapToLong(SenderRow::events).sum();
            if (failures >= threshold) {
                alerts.add(summarise(provider, failures, group));
            }
        });
        alerts.sort(Comparator.comparingLong(SenderSideAlert::failures).reversed()
                .thenComparing(SenderSideAlert::provider));
        return alerts;
    }

    private static String providerOf(SenderRow row) {
        if (row.provider() != null && !row.provider().isBlank()) {
            return row.provider();
        }
        return row.senderIp() != null && !row.senderIp().isBlank() ? "sending IP " + row.senderIp() : UNKNOWN;
    }

    private static SenderSideAlert summarise(String provider, long failures, List<SenderRow> group) {
        TreeSet<String> ips = new TreeSet<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, Long> advice = new LinkedHashMap<>();
        // rows come largest first (the query's order), so the merged counts keep that order for ties
        for (SenderRow row : group) {
            if (row.senderIp() != null && !row.senderIp().isBlank()) {
                ips.add(row.senderIp());
            }
            reasons.merge(row.reason() == null ? "(none)" : row.reason(), row.events(), Long::sum);
            advice.merge(row.advice(), row.events(), Long::sum);
        }
        return new SenderSideAlert(provider, failures, List.copyOf(ips), byCountDescending(reasons),
                List.copyOf(byCountDescending(advice).keySet()));
    }

    private static Map<String, Long> byCountDescending(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The WARN line's text after its prefix. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(failures).append(" sender-side failure(s) at ").append(provider);
        if (!sendingIps.isEmpty() && !provider.startsWith("sending IP ")) {
            sb.append(" from sending IP(s) ").append(String.join(", ", sendingIps));
        }
        sb.append("; reasons: ");
        reasons.forEach((reason, n) -> sb.append(reason).append(' ').append(n).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.append("; advice: ").append(String.join("; ", advice)).toString();
    }
}
