package io.bouncesweeper.metrics;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MetricsServers;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run-once process pushes its meters to a real Pushgateway when it ends, and a real Prometheus
 * scraping that Pushgateway holds them with the run's values: messages read = fixtures, records by
 * kind and class = the stored events, quarantined and suppressions = the stored state.
 */
class PushgatewayMetricsTest {
    private static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    private static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Test
    void aRunOnceProcessPushesItsCountsAndPrometheusScrapesThem() throws Exception {
        MetricsServers servers = MetricsServers.required();
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        String instance = "test-" + UUID.randomUUID();
        TestDatabase db = TestDatabase.get();
        Instant started = Instant.now();

        int exit = SpringApplication.exit(SpringApplication.run(BounceSweeperApplication.class,
                "--bounce-sweeper.imap.host=" + MAILBOX.host(), "--bounce-sweeper.imap.port=" + MAILBOX.port(),
                "--bounce-sweeper.imap.security=NONE", "--bounce-sweeper.imap.allow-plaintext=true",
                "--bounce-sweeper.imap.user=" + MAILBOX.user(), "--bounce-sweeper.imap.password=" + MAILBOX.password(),
                "--bounce-sweeper.db.url=" + db.url(), "--bounce-sweeper.db.user=" + db.user(),
                "--bounce-sweeper.db.password=" + db.password(),
                "--management.prometheus.metrics.export.pushgateway.enabled=true",
                "--management.prometheus.metrics.export.pushgateway.address="
                        + servers.pushgateway().replaceFirst("^https?://", ""),
                "--management.prometheus.metrics.export.pushgateway.grouping-key.instance=" + instance));
        assertThat(exit).as("exit code of the run").isZero();

        Map<String, Long> bouncesByClass = countBy(jdbc, "SELECT bounce_class, COUNT(*) FROM bounce_event"
                + " WHERE kind = 'bounce' GROUP BY bounce_class");
        Map<String, Long> recordsByKind = countBy(jdbc, "SELECT kind, COUNT(*) FROM bounce_event GROUP BY kind");
        long quarantined = JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message WHERE category = 'unparsed'");
        long suppressed = JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_state WHERE status = 'suppressed'");
        assertThat(bouncesByClass).containsKeys("hard", "soft");
        assertThat(quarantined).isPositive();
        assertThat(suppressed).isPositive();

        // the Pushgateway's own API: the group of this run, pushed at the end
        JsonNode group = groupOf(servers.pushedGroups(), instance);
        assertThat(group).as("pushed group instance=" + instance).isNotNull();
        assertThat(group.path("labels").path("job").asString()).isEqualTo("bounce-sweeper");
        assertThat(sumOf(group, "bounce_sweeper_messages_read_total")).isEqualTo(fixtures.size());
        assertThat(sumOf(group, "bounce_sweeper_quarantined_total")).isEqualTo(quarantined);

        // Prometheus, once it has scraped the Pushgateway
        String sel = "{instance=\"" + instance + "\"}";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(servers.query("bounce_sweeper_messages_read_total" + sel)).isNotEmpty());
        assertThat(single(servers, "sum(bounce_sweeper_messages_read_total" + sel + ")")).isEqualTo(fixtures.size());
        assertThat(single(servers, "sum(bounce_sweeper_messages_stored_total" + sel + ")")).isEqualTo(fixtures.size());
        assertThat(byLabel(servers, "sum by (class) (bounce_sweeper_records_total{instance=\"" + instance
                + "\",kind=\"bounce\"})", "class")).isEqualTo(bouncesByClass);
        assertThat(byLabel(servers, "sum by (kind) (bounce_sweeper_records_total" + sel + ")", "kind"))
                .isEqualTo(recordsByKind);
        assertThat(single(servers, "sum(bounce_sweeper_quarantined_total" + sel + ")")).isEqualTo(quarantined);
        assertThat(single(servers, "sum(bounce_sweeper_suppressions_total{instance=\"" + instance
                + "\",status=\"suppressed\"})")).isEqualTo(suppressed);
        assertThat(single(servers, "sum(bounce_sweeper_list_decisions_total{instance=\"" + instance
                + "\",to=\"suppressed\"})")).isEqualTo(suppressed);
        assertThat(single(servers, "sum(bounce_sweeper_archived_total" + sel + ")")).isEqualTo(fixtures.size());
        assertThat(single(servers, "sum(bounce_sweeper_moves_pending" + sel + ")")).isZero();
        assertThat(single(servers, "sum(bounce_sweeper_folder_waiting" + sel + ")")).isZero();
        assertThat(single(servers, "sum(bounce_sweeper_chunk_seconds_count" + sel + ")")).isPositive();
        assertThat(single(servers, "bounce_sweeper_run_seconds_count{instance=\"" + instance
                + "\",definition=\"nightly-cleanup\",status=\"completed\"}")).isEqualTo(1);
        assertThat(single(servers, "bounce_sweeper_mailbox_last_success{instance=\"" + instance
                + "\",folder=\"INBOX\"}")).isBetween(started.getEpochSecond(), Instant.now().getEpochSecond());
    }

    private static JsonNode groupOf(JsonNode groups, String instance) {
        for (JsonNode g : groups) {
            if (instance.equals(g.path("labels").path("instance").asString())) {
                return g;
            }
        }
        return null;
    }

    private static long sumOf(JsonNode group, String family) {
        long sum = 0;
        for (JsonNode m : group.path(family).path("metrics")) {
            sum += (long) Double.parseDouble(m.path("value").asString());
        }
        return sum;
    }

    private static long single(MetricsServers servers, String promql) {
        JsonNode result = servers.query(promql);
        assertThat(result).as(promql).hasSize(1);
        return (long) Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    private static Map<String, Long> byLabel(MetricsServers servers, String promql, String label) {
        Map<String, Long> values = new TreeMap<>();
        for (JsonNode r : servers.query(promql)) {
            values.put(r.path("metric").path(label).asString(), (long) Double.parseDouble(r.path("value").get(1).asString()));
        }
        return values;
    }

    private static Map<String, Long> countBy(JdbcTemplate jdbc, String sql) {
        Map<String, Long> values = new TreeMap<>();
        jdbc.query(sql, rs -> {
            values.put(rs.getString(1), rs.getLong(2));
        });
        return values;
    }
}
