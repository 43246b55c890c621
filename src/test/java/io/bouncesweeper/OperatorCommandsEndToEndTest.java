package io.bouncesweeper;

import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path an operator takes: a sweep of GreenMail into MariaDB, then the operator commands
 * through the application's own entry point ({@link BounceSweeperApplication#run}, what {@code main}
 * exits with), their output and exit codes. {@link PurgeAfterSweepTest} has the purge that a setting runs.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
@ExtendWith(OutputCaptureExtension.class)
class OperatorCommandsEndToEndTest extends GreenMailJobTest {
    private static final String SUPPRESSED = "alice@example.net";

    @Test
    void afterASweepTheOperatorLooksUpReleasesExportsAndPurges(CapturedOutput output) throws Exception {
        new SweepScenarios(MAILBOX, launcher, jdbc).sweepAllFixtures();
        assertThat(jdbc.queryForObject("SELECT status FROM recipient_state WHERE recipient = ?", String.class, SUPPRESSED))
                .isEqualTo("suppressed");

        Run state = run(output, "state", SUPPRESSED);
        assertThat(state.exit()).as(state.text()).isZero();
        assertThat(state.text()).contains(SUPPRESSED + ": suppressed since ", "decided by event #",
                "<- decided");

        Run unknown = run(output, "state", "nobody@example.invalid");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.text()).contains("state: nothing is stored about nobody@example.invalid");

        Run csv = run(output, "export", "--format", "csv", "--state", "suppressed");
        assertThat(csv.exit()).as(csv.text()).isZero();
        List<String> suppressed = jdbc.queryForList(
                "SELECT recipient FROM recipient_state WHERE status = 'suppressed' ORDER BY recipient", String.class);
        assertThat(suppressed).contains(SUPPRESSED);
        assertThat(csv.text()).contains("address,state,reason,since\n", SUPPRESSED + ",suppressed,");
        assertThat(csv.text().lines().filter(l -> l.contains(",suppressed,")).count()).isEqualTo(suppressed.size());

        Run released = run(output, "unsuppress", SUPPRESSED, "--reason", "the customer fixed the mailbox");
        assertThat(released.exit()).as(released.text()).isZero();
        assertThat(released.text()).contains("unsuppress: released " + SUPPRESSED + " (was suppressed, now active)");
        assertThat(jdbc.queryForObject("SELECT status FROM recipient_state WHERE recipient = ?", String.class, SUPPRESSED))
                .isEqualTo("active");

        Run after = run(output, "state", SUPPRESSED);
        assertThat(after.exit()).isZero();
        assertThat(after.text()).contains(SUPPRESSED + ": active", "decided by release", "the customer fixed the mailbox");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Run json = run(output, "export", "--format", "json", "--state", "suppressed,complained", "--since", "2000-01-01");
        assertThat(json.exit()).as(json.text()).isZero();
        JsonNode rows = JsonMapper.builder().build().readTree(json.text().substring(json.text().indexOf('[')));
        List<String> addresses = new ArrayList<>();
        rows.forEach(r -> addresses.add(r.get("address").asString()));
        assertThat(addresses).doesNotContain(SUPPRESSED).containsAll(suppressed.stream().filter(a -> !a.equals(SUPPRESSED)).toList());
        Run future = run(output, "export", "--format", "json", "--since", LocalDate.parse(today).plusDays(1).toString());
        assertThat(future.exit()).isZero();
        assertThat(JsonMapper.builder().build().readTree(future.text().substring(future.text().indexOf('['))).size())
                .as("nothing suppressed since tomorrow").isZero();

        long purgeable = count("SELECT COUNT(*) FROM bounce_event e WHERE e.event_time < UTC_TIMESTAMP() - INTERVAL 1 DAY "
                + "AND NOT EXISTS (SELECT 1 FROM recipient_state s WHERE s.decided_by_event = e.id)");
        assertThat(purgeable).as("the fixtures are dated days ago").isPositive();
        String before = snapshotOfEvents();
        Run dryRun = run(output, "purge", "--older-than", "1d", "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.text()).isZero();
        assertThat(dryRun.text()).contains("purge (dry run, nothing written): " + purgeable + " event(s) before ", " would lose");
        assertThat(snapshotOfEvents()).as("a dry run writes nothing").isEqualTo(before);

        Run purge = run(output, "purge", "--older-than=1d");
        assertThat(purge.exit()).as(purge.text()).isZero();
        assertThat(purge.text()).contains("purge: " + purgeable + " event(s) before ", " lost their diagnostic");
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE purged_at IS NOT NULL")).isEqualTo(purgeable);
        assertThat(run(output, "state", SUPPRESSED).exit()).as("state still answers after the purge").isZero();

        Run badDuration = run(output, "purge", "--older-than", "soon");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.text()).contains("--older-than wants a duration like 180d");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private String snapshotOfEvents() {
        return String.join("\n", jdbc.queryForList("SELECT CONCAT_WS('|', id, COALESCE(purged_at, '-'), "
                + "COALESCE(LENGTH(diagnostic), -1)) FROM bounce_event ORDER BY id", String.class))
                + jdbc.queryForList("SELECT CONCAT_WS('|', recipient, status) FROM recipient_state ORDER BY 1", String.class);
    }

    /** The entry point as {@code main} calls it, with the job's database settings as an operator passes them. */
    private static Run run(CapturedOutput output, String... args) {
        TestDatabase db = TestDatabase.get();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bounce-sweeper.db.url=" + db.url());
        all.add("--bounce-sweeper.db.user=" + db.user());
        all.add("--bounce-sweeper.db.password=" + (db.password() == null ? "" : db.password()));
        all.add("--bounce-sweeper.jobs-dir=src/test/resources/jobs");
        all.add("--bounce-sweeper.job=test-sweep");
        int start = output.getAll().length();
        Integer exit = BounceSweeperApplication.run(all.toArray(String[]::new));
        return new Run(exit, output.getAll().substring(start));
    }

    private record Run(Integer exit, String text) {
    }
}
