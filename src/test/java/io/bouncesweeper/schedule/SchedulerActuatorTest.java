package io.bouncesweeper.schedule;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduler mode as a Deployment runs it, against GreenMail and MariaDB: the management port serves
 * liveness, readiness (UP with the database and each IMAP account; DOWN, liveness still UP, when an
 * account cannot log in) and the Prometheus page with the meters of a fired run.
 */
class SchedulerActuatorTest {
    private static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    private static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();

    @BeforeEach
    void cleanDatabase() {
        JobTestSupport.cleanDatabase(jdbc);
        jdbc.update("DELETE FROM QRTZ_CRON_TRIGGERS");
        jdbc.update("DELETE FROM QRTZ_TRIGGERS");
        jdbc.update("DELETE FROM QRTZ_JOB_DETAILS");
    }

    @Test
    void healthProbesAreUpWithDatabaseAndImapAndPrometheusShowsAFiredRun() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        int port = freePort();
        try (ConfigurableApplicationContext context = scheduler(port, MAILBOX.password())) {
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            JsonNode ready = JSON.readTree(readiness.body());
            assertThat(ready.path("status").asString()).isEqualTo("UP");
            assertThat(ready.path("components").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(ready.path("components").path("imap").path("status").asString()).isEqualTo("UP");
            assertThat(ready.path("components").path("imap").toString()).contains("bounces@127.0.0.1")
                    .doesNotContain(MAILBOX.password());

            context.getBean(Scheduler.class).triggerJob(JobKey.jobKey("yearly", SchedulerRunner.GROUP));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(MAILBOX.count("INBOX")).as("inbox after the fired run").isZero());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(port, "/actuator/prometheus").body()).contains("bounce_sweeper_run_seconds_count{"));
            String prometheus = get(port, "/actuator/prometheus").body();
            assertThat(prometheus).contains("# TYPE bounce_sweeper_messages_read_total counter");
            assertThat(prometheus.lines().filter(l -> l.startsWith("bounce_sweeper_messages_read_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                    .isEqualTo(fixtures.size());
            assertThat(prometheus).contains("application=\"bounce-sweeper\"").contains("definition=\"yearly\"")
                    .contains("bounce_sweeper_records_total{").contains("bounce_sweeper_mailbox_last_success{");
        }
    }

    @Test
    void aWrongImapPasswordMakesReadinessDownButTheProcessAlive() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext ignored = scheduler(port, "wrong-password")) {
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            JsonNode ready = JSON.readTree(readiness.body());
            assertThat(ready.path("status").asString()).isEqualTo("DOWN");
            assertThat(ready.path("components").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(ready.path("components").path("imap").path("status").asString()).isEqualTo("DOWN");
            assertThat(readiness.body()).doesNotContain("wrong-password");
        }
    }

    private static ConfigurableApplicationContext scheduler(int managementPort, String imapPassword) {
        return SpringApplication.run(BounceSweeperApplication.class, JobTestSupport.processArgs(MAILBOX, imapPassword,
                "--mode=scheduler", "--management.server.port=" + managementPort,
                "--bounce-sweeper.jobs-dir=src/test/resources/jobs-scheduled"));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
