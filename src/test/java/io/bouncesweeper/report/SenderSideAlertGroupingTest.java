package io.bouncesweeper.report;

import io.bouncesweeper.report.ReportData.SenderRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a run's sender-side rows become alerts: per provider, at or over the threshold, largest first. */
class SenderSideAlertGroupingTest {

    @Test
    void rowsOfOneProviderAddUpAcrossIpsAndReasons() {
        List<SenderSideAlert> alerts = SenderSideAlert.of(List.of(
                row("outlook.com", "192.0.2.33", "blocked", "delist", 6),
                row("outlook.com", "192.0.2.34", "blocked", "delist", 3),
                row("outlook.com", "192.0.2.33", "authfailure", "auth", 1),
                row("gmail.com", "192.0.2.33", "speeding", "slow", 9)), 10);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.provider()).isEqualTo("outlook.com");
            assertThat(a.failures()).isEqualTo(10);
            assertThat(a.sendingIps()).containsExactly("192.0.2.33", "192.0.2.34");
            assertThat(a.reasons()).containsExactly(Map.entry("blocked", 9L), Map.entry("authfailure", 1L));
            assertThat(a.advice()).containsExactly("delist", "auth");
            assertThat(a.describe()).isEqualTo("10 sender-side failure(s) at outlook.com from sending IP(s) "
                    + "192.0.2.33, 192.0.2.34; reasons: blocked 9, authfailure 1; advice: delist; auth");
        });
    }

    @Test
    void withoutAProviderTheSendingIpIsTheSubject() {
        List<SenderSideAlert> alerts = SenderSideAlert.of(List.of(
                row(null, "192.0.2.9", "blocked", "delist", 2),
                row(null, null, "blocked", "delist", 5),
                row("big.example", null, "blocked", "delist", 7)), 2);

        assertThat(alerts).extracting(SenderSideAlert::provider)
                .containsExactly("big.example", "unknown provider", "sending IP 192.0.2.9");
        assertThat(alerts.get(2).describe()).startsWith("2 sender-side failure(s) at sending IP 192.0.2.9; reasons");
    }

    @Test
    void belowTheThresholdNoAlert() {
        assertThat(SenderSideAlert.of(List.of(row("outlook.com", "192.0.2.33", "blocked", "delist", 9)), 10)).isEmpty();
    }

    private static SenderRow row(String provider, String ip, String reason, String advice, long events) {
        return new SenderRow(provider, ip, reason, advice, advice, events, events, null, null);
    }
}
