package io.bouncesweeper.job;

import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.support.Fixtures;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * List state through the whole job (GreenMail, MariaDB): replaying a historic folder, dry runs
 * that change nothing, sender-side blocks, the operator's SQL, and reclassify mode.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
@ExtendWith(OutputCaptureExtension.class)
class ListStateGreenMailTest extends GreenMailJobTest {
    @BeforeEach
    void setUp() {
        JobTestSupport.cleanDatabase(jdbc);
        jdbc.execute("DROP TABLE IF EXISTS subscribers");
    }

    @Test
    void reprocessingAHistoricFolderTwiceChangesNothingTheSecondTime() throws Exception {
        MAILBOX.append("Historic", SweepScenarios.allFixtures());
        RunRequest keepInPlace = new RunRequest("test-reprocess",
                new RunOverrides(null, null, null, null, false, true), null);

        assertThat(launcher.run(keepInPlace)).isEqualTo(SweepOutcome.COMPLETED);
        List<String> first = bounceTables();
        assertThat(count("SELECT COUNT(*) FROM recipient_state WHERE status = 'suppressed'")).isPositive();
        assertThat(MAILBOX.count("Historic")).as("kept in place").isEqualTo(SweepScenarios.allFixtures().size());

        assertThat(launcher.run(keepInPlace)).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(bounceTables()).isEqualTo(first);
    }

    @Test
    void aDryRunChangesNothingAtAllAndSaysWhatWouldChange(CapturedOutput output) throws Exception {
        MAILBOX.append("INBOX", List.of(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml")));
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);
        List<String> before = bounceTables();
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);

        RunRequest dryRun = new RunRequest("test-sweep", new RunOverrides(null, null, null, null, true, false), null);
        assertThat(launcher.run(dryRun)).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(bounceTables()).isEqualTo(before);
        assertThat(MAILBOX.count("INBOX")).isEqualTo(fixtures.size());
        assertThat(output.getOut()).contains("dry run: nothing was written")
                .contains("suppressed → suppressed: 1")
                .contains("alice@example.net: suppressed → suppressed")
                .contains("new → complained")
                .containsPattern("erin@contoso.example: new → active \\(.*sender-side 1");
    }

    @Test
    void aSenderSideBlockNeverSuppressesTheRecipient() throws Exception {
        MAILBOX.append("INBOX", List.of(Fixtures.bytes("microsoft-550-5.7.606-banned-ip.eml"),
                Fixtures.bytes("gmail-550-5.7.1-spam.eml")));

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM recipient_state", String.class)).containsExactly("active");
        assertThat(count("SELECT sender_issue_count FROM recipient_state WHERE recipient = 'erin@contoso.example'")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT CONCAT(sender_domain, ' ', sender_ip, ' ', receiving_provider) FROM sender_issue "
                + "ORDER BY 1", String.class))
                .containsExactly("bouncesweeper.test 192.0.2.10 google.com", "bouncesweeper.test 192.0.2.33 outlook.com");
        assertThat(jdbc.queryForObject("SELECT campaign_id FROM bounce_event WHERE recipient = 'erin@contoso.example'",
                String.class)).isEqualTo("weekly-48");
    }

    @Test
    void theOperatorsSubscribersTableFollowsTheListState() throws Exception {
        jdbc.execute("CREATE TABLE subscribers (email VARCHAR(320) PRIMARY KEY, status VARCHAR(32), reason VARCHAR(32), "
                + "campaign VARCHAR(64))");
        jdbc.update("INSERT INTO subscribers (email, status) VALUES ('alice@example.net', 'active'), "
                + "('bob@example.net', 'active'), ('carol@example.org', 'active'), ('frank@mail.example', 'active')");
        MAILBOX.append("INBOX", List.of(Fixtures.bytes("dsn-550-5.1.1-multi-recipient.eml"),
                Fixtures.bytes("arf-abuse-complaint.eml")));

        assertThat(launcher.run(RunRequest.of("test-lists"))).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(jdbc.queryForList("SELECT CONCAT(email, ' ', status, ' ', COALESCE(reason, '-')) FROM subscribers ORDER BY email",
                String.class)).containsExactly("alice@example.net bounced userunknown", "bob@example.net bounced userunknown",
                "carol@example.org active -", "frank@mail.example complained complaint");
        assertThat(jdbc.queryForObject("SELECT allow_listed FROM recipient_state WHERE recipient = 'carol@example.org'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("SELECT recipient FROM suppressed_recipients WHERE event_id IS NOT NULL ORDER BY 1",
                String.class)).containsExactly("alice@example.net", "bob@example.net", "frank@mail.example");
    }

    @Test
    void reclassifyModeRunsTwiceWithoutChangingAnythingTheSecondTime(CapturedOutput output) throws Exception {
        new SweepScenarios(MAILBOX, launcher, jdbc).sweepAllFixtures();
        jdbc.update("UPDATE bounce_event SET rules_version = 'old', reason = 'undefined' WHERE recipient = 'dave@gmail.com'");
        RunRequest reclassify = new RunRequest("test-sweep", new RunOverrides(null, null, null, null, false, false, true), null);

        assertThat(launcher.run(reclassify)).isEqualTo(SweepOutcome.COMPLETED);
        assertThat(output.getOut()).contains("reclassify: ").contains("1 changed verdict");
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE rules_version = 'old' OR reason = 'undefined' "
                + "AND recipient = 'dave@gmail.com'")).isZero();
        List<String> after = bounceTables();

        assertThat(launcher.run(reclassify)).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(bounceTables()).isEqualTo(after);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("reclassify is no batch run").isEqualTo(1);
    }

    private List<String> bounceTables() {
        List<String> rows = new ArrayList<>();
        for (String table : new String[]{"bounce_message", "bounce_event", "recipient_state"}) {
            for (var row : jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1")) {
                rows.add(table + " " + row);
            }
        }
        return rows;
    }

    private int count(String sql) {
        return JobTestSupport.count(jdbc, sql);
    }
}
