package io.bouncesweeper.report;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.TestMailbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run-once process against GreenMail and MariaDB: sender-side refusals of one provider at the
 * definition's threshold give one WARN with the count and the advice, the alert meters, and, where
 * the definition says alerts.fail-run, exit code 4; below the threshold nothing is raised. With
 * bounce-sweeper.report.out the run ends by writing the HTML report, alerting providers included.
 */
@ExtendWith(OutputCaptureExtension.class)
class SenderSideAlertTest {
    private static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    private static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);
    private static final String ALERT = "sender-side alert";

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();

    @BeforeEach
    void cleanDatabase() {
        JobTestSupport.cleanDatabase(jdbc);
    }

    @Test
    void threeBannedIpRefusalsFromOneProviderWarnCountAndFailTheRun(CapturedOutput output) throws Exception {
        MAILBOX.append("INBOX", withGmailSpam(microsoftBannedIp(3)));

        Run run = run("test-alerts");

        assertThat(run.exit).as("exit code with alerts.fail-run").isEqualTo(4);
        String provider = microsoftProvider();
        List<String> warnings = alertLines(output);
        assertThat(warnings).as("one WARN per provider over the threshold; gmail's single refusal is under it")
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("WARN").contains("job 'test-alerts'").contains("3 sender-side failure(s) at " + provider)
                        .contains("192.0.2.33").contains(OperatorAction.REQUEST_DELISTING.description()));
        assertThat(run.alerts(provider)).isEqualTo(1);
        assertThat(run.failures(provider)).isEqualTo(3);
        assertThat(run.registry.find("bounce.sweeper.sender.side.alerts").counters()).hasSize(1);
        assertThat(MAILBOX.count("INBOX")).as("the mail is archived all the same").isZero();
    }

    @Test
    void withoutFailRunTheAlertOnlyWarns(CapturedOutput output) throws Exception {
        MAILBOX.append("INBOX", microsoftBannedIp(3));

        Run run = run("test-alerts-warn-only");

        assertThat(run.exit).isZero();
        assertThat(alertLines(output)).hasSize(1);
        assertThat(run.alerts(microsoftProvider())).isEqualTo(1);
    }

    @Test
    void withReportOutTheRunWritesTheReportAtItsEnd(@TempDir Path dir) throws Exception {
        MAILBOX.append("INBOX", withGmailSpam(microsoftBannedIp(3)));
        Path out = dir.resolve("run-report.html");

        Run run = run("test-alerts-warn-only", "--bounce-sweeper.report.out=" + out);

        assertThat(run.exit).isZero();
        assertThat(out).exists();
        String html = Files.readString(out);
        assertThat(html).as("self-contained: ECharts inlined, no script from elsewhere")
                .contains("echarts").doesNotContain("<script src=");
        assertThat(html).contains(microsoftProvider()).contains("gmail").contains("192.0.2.33")
                .contains(OperatorAction.REQUEST_DELISTING.description());
    }

    @Test
    void belowTheThresholdNothingIsRaised(CapturedOutput output) throws Exception {
        MAILBOX.append("INBOX", withGmailSpam(microsoftBannedIp(2)));

        Run run = run("test-alerts");

        assertThat(run.exit).isZero();
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_event WHERE reason_group = 'sender'"))
                .as("the refusals are stored").isEqualTo(3);
        assertThat(alertLines(output)).isEmpty();
        assertThat(run.registry.find("bounce.sweeper.sender.side.alerts").counters()).isEmpty();
    }

    /** The Microsoft 5.7.606 fixture, n times for n different recipients and original messages. */
    private static List<byte[]> microsoftBannedIp(int n) {
        String fixture = new String(Fixtures.bytes("microsoft-550-5.7.606-banned-ip.eml"), StandardCharsets.UTF_8);
        List<byte[]> mails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mails.add(fixture.replace("erin@contoso.example", "erin" + i + "@contoso.example")
                    .replace("000000000001@", "00000000010" + i + "@")
                    .replace("news-43@", "news-43-" + i + "@").getBytes(StandardCharsets.UTF_8));
        }
        return mails;
    }

    private static List<byte[]> withGmailSpam(List<byte[]> mails) {
        List<byte[]> all = new ArrayList<>(mails);
        all.add(Fixtures.bytes("gmail-550-5.7.1-spam.eml"));
        return all;
    }

    private String microsoftProvider() {
        return jdbc.queryForObject("SELECT DISTINCT remote_mta_domain FROM bounce_event WHERE reason_group = 'sender'"
                + " AND recipient LIKE 'erin%'", String.class);
    }

    private static List<String> alertLines(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.contains(ALERT)).toList();
    }

    private record Run(int exit, MeterRegistry registry) {
        double alerts(String provider) {
            return registry.get("bounce.sweeper.sender.side.alerts").tag("provider", provider).counter().count();
        }

        double failures(String provider) {
            return registry.get("bounce.sweeper.sender.side.failures").tag("provider", provider).counter().count();
        }
    }

    private static Run run(String job, String... extra) {
        List<String> options = new ArrayList<>(List.of("--bounce-sweeper.jobs-dir=src/test/resources/jobs",
                "--bounce-sweeper.job=" + job));
        options.addAll(List.of(extra));
        ConfigurableApplicationContext context = SpringApplication.run(BounceSweeperApplication.class,
                JobTestSupport.processArgs(MAILBOX, MAILBOX.password(), options.toArray(String[]::new)));
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        return new Run(SpringApplication.exit(context), registry);
    }
}
