package io.bouncesweeper.cli;

import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.StoredBounces;
import io.bouncesweeper.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator commands as an operator runs them (arguments in, exit code and text out) against
 * MariaDB: each command, its help, its errors and exit codes.
 */
class OperatorCommandsTest {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final String USER_UNKNOWN = "550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown";

    private JdbcTemplate jdbc;
    private StoredBounces stored;

    @BeforeEach
    void setUp() {
        jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        stored = new StoredBounces(jdbc);
    }

    // ------------------------------------------------------------------ state

    @Test
    void stateShowsStatusWhyTheDecidingEventAndTheHistory() {
        stored.bounce("gone@example.net", "452 4.2.2 Mailbox full", T0);
        stored.bounce("gone@example.net", USER_UNKNOWN, T0.plus(1, ChronoUnit.DAYS));
        stored.autoReply("gone@example.net", T0.plus(2, ChronoUnit.DAYS));
        long decider = jdbc.queryForObject("SELECT decided_by_event FROM recipient_state", Long.class);

        Run r = run("state", "Gone@Example.net");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("gone@example.net: suppressed since 2026-11-02T10:00:00Z\n")
                .contains("  why: userunknown — userunknown: recipient-side permanent failure\n")
                .contains("  decided by event #" + decider + " 2026-11-02T10:00:00Z bounce hard userunknown 5.1.1 (recipient)")
                .contains("counts: 2 event(s), 1 hard")
                .contains("history (3 event(s), 0 release(s), oldest first):")
                .containsPattern("(?s)event #\\d+ 2026-11-01T10:00:00Z bounce soft mailboxfull 4.2.2.*"
                        + "event #" + decider + " .*User unknown   <- decided\n.*event #\\d+ 2026-11-03T10:00:00Z autoreply");
    }

    @Test
    void stateOfAnUnknownAddressExitsOne() {
        Run r = run("state", "nobody@example.net");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("state: nothing is stored about nobody@example.net\n");
    }

    // ------------------------------------------------------------------ unsuppress

    @Test
    void unsuppressReleasesAndStateShowsTheRelease() {
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);

        Run r = run("unsuppress", "gone@example.net", "--reason", "customer fixed the mailbox", "--job=test-sweep");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).matches("unsuppress: released gone@example.net \\(was suppressed, now active\\) at \\S+Z, "
                + "release #\\d+, policy of job 'test-sweep'\n");
        Run state = run("state", "gone@example.net");
        assertThat(state.out()).startsWith("gone@example.net: active since ")
                .contains("  why: released — released by " + System.getProperty("user.name") + ": customer fixed the mailbox")
                .contains("  decided by release #")
                .containsPattern("release #\\d+ \\S+ of suppressed by \\S+: customer fixed the mailbox   <- decided");

        Run again = run("unsuppress", "gone@example.net", "--reason=twice", "--job=test-sweep");
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).isEqualTo("unsuppress: gone@example.net is active, not suppressed or complained: nothing to release\n");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_override")).isEqualTo(1);
    }

    @Test
    void unsuppressRunsTheJobsSqlForTheNewStatus() {
        jdbc.execute("DROP TABLE IF EXISTS subscribers");
        jdbc.execute("CREATE TABLE subscribers (email VARCHAR(320) PRIMARY KEY, status VARCHAR(32))");
        jdbc.update("INSERT INTO subscribers VALUES ('gone@example.net', 'bounced')");
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);
        try {
            Run r = run("unsuppress", "gone@example.net", "--reason", "back", "--job", "test-release",
                    "--bounce-sweeper.jobs-dir=src/test/resources/jobs-operator");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(jdbc.queryForObject("SELECT status FROM subscribers", String.class)).isEqualTo("active");
        } finally {
            jdbc.execute("DROP TABLE subscribers");
        }
    }

    @Test
    void unsuppressOfAnUnknownAddressExitsOneAndWritesNothing() {
        Run r = run("unsuppress", "nobody@example.net", "--reason", "x", "--job=test-sweep");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("unsuppress: no list state is stored for nobody@example.net\n");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM recipient_override")).isZero();
    }

    @Test
    void unsuppressOfAnUnknownJobNamesTheSettings() {
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);

        Run r = run("unsuppress", "gone@example.net", "--reason", "x", "--job=no-such-job");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("job definition 'no-such-job' not found").contains("bounce-sweeper.jobs-dir");
    }

    // ------------------------------------------------------------------ export

    @Test
    void exportWritesTheSuppressionListAsCsvWithFormulaCellsDefused() {
        seedList();

        Run r = run("export");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                address,state,reason,since
                "'=hyperlink@evil.example",suppressed,userunknown,2026-11-03T10:00:00Z
                angry@example.net,complained,complaint,2026-11-02T10:00:00Z
                gone@example.net,suppressed,userunknown,2026-11-01T10:00:00Z
                """);
    }

    @Test
    void exportFiltersByStateAndSinceAndWritesJsonToAFile(@TempDir Path dir) throws Exception {
        seedList();
        Path file = dir.resolve("suppressed.json");

        Run r = run("export", "--format", "json", "--state=suppressed,soft_bouncing", "--since", "2026-11-02",
                "--out", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("export: wrote 2 address(es) to " + file.toAbsolutePath() + "\n");
        List<Map<String, String>> rows = JsonMapper.builder().build().readValue(file.toFile(), new TypeReference<>() {
        });
        assertThat(rows).containsExactly(
                Map.of("address", "=hyperlink@evil.example", "state", "suppressed", "reason", "userunknown",
                        "since", "2026-11-03T10:00:00Z"),
                Map.of("address", "full@example.net", "state", "soft_bouncing", "reason", "mailboxfull",
                        "since", "2026-11-04T10:00:00Z"));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial file left").containsExactly(file);
        }
    }

    @Test
    void anEmptyListIsAHeaderOnly() {
        Run r = run("export", "--format=CSV");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("address,state,reason,since\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--format=xml", "--state=bounced", "--since=yesterday", "extra"})
    void exportRefusesWrongOptions(String option) {
        Run r = run("export", option);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("export: ").contains("usage: export");
    }

    @Test
    void exportIntoAMissingDirectoryExitsTwo(@TempDir Path dir) {
        Run r = run("export", "--out", dir.resolve("no/such/dir/list.csv").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("export: cannot write ").contains("no directory");
    }

    /** Two suppressed (one a formula-like address), one complained, one soft-bouncing, one active. */
    private void seedList() {
        stored.bounce("gone@example.net", USER_UNKNOWN, T0);
        stored.complaint("angry@example.net", T0.plus(1, ChronoUnit.DAYS));
        stored.bounce("=hyperlink@evil.example", USER_UNKNOWN, T0.plus(2, ChronoUnit.DAYS));
        stored.bounce("full@example.net", "452 4.2.2 Mailbox full", T0.plus(3, ChronoUnit.DAYS));
        stored.bounce("blocked@example.net", "550 5.7.1 Message rejected as spam", T0.plus(3, ChronoUnit.DAYS));
    }

    // ------------------------------------------------------------------ purge

    @Test
    void purgeCountsInADryRunThenDropsOldDiagnosticsButNotTheDecidingEvent() {
        stored.bounce("gone@example.net", "452 4.2.2 Mailbox full", T0);
        stored.bounce("gone@example.net", USER_UNKNOWN, T0.plus(1, ChronoUnit.DAYS));
        stored.bounce("blocked@example.net", "550 5.7.1 Message rejected as spam", T0);

        Run dry = run("purge", "--older-than", "7d", "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).matches("purge \\(dry run, nothing written\\): 2 event\\(s\\) before \\S+Z would lose their "
                + "diagnostic and stored headers; 1 deciding event\\(s\\) kept whole\n");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_event WHERE diagnostic IS NULL")).isZero();

        Run r = run("purge", "--older-than=P7D");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(": 2 event(s) before ").contains(" lost their diagnostic");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_event WHERE diagnostic IS NULL")).isEqualTo(2);
        assertThat(run("state", "gone@example.net").out()).contains("diagnostic purged")
                .contains("User unknown   <- decided");
    }

    @ParameterizedTest
    @ValueSource(strings = {"purge", "purge --older-than=2h", "purge --older-than=soon", "purge --older-than 7d now"})
    void purgeRefusesWrongOptions(String commandLine) {
        Run r = run(commandLine.split(" "));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("purge: ").contains("usage: purge");
    }

    // ------------------------------------------------------------------ errors shared by all

    @ParameterizedTest
    @ValueSource(strings = {"state", "state a@example.net b@example.net", "unsuppress a@example.net",
            "unsuppress a@example.net --reason", "unsuppress --reason x", "state a@example.net --bogus"})
    void usageErrorsExitTwoWithTheUsage(String commandLine) {
        String[] args = commandLine.split(" ");
        Run r = run(args);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(args[0] + ": ").contains("usage: " + args[0]);
    }

    @Test
    void aMissingDatabaseSettingIsNamed() {
        Run r = runWithout("state", "a@example.net");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bounce-sweeper.db.url");
    }

    @Test
    void anUnreachableDatabaseExitsTwo() {
        Run r = runWithout("state", "a@example.net", "--bounce-sweeper.db.url=jdbc:mysql://127.0.0.1:1/none",
                "--bounce-sweeper.db.user=x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("state: cannot reach the database jdbc:mysql://127.0.0.1:1/none");
    }

    // ------------------------------------------------------------------ helpers

    /** The command with the test database's settings and the test job definitions. */
    static Run run(String... args) {
        TestDatabase db = TestDatabase.get();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bounce-sweeper.db.url=" + db.url());
        all.add("--bounce-sweeper.db.user=" + db.user());
        all.add("--bounce-sweeper.db.password=" + db.password());
        if (all.stream().noneMatch(a -> a.startsWith("--bounce-sweeper.jobs-dir"))) {
            all.add("--bounce-sweeper.jobs-dir=src/test/resources/jobs");
        }
        return runWithout(all.toArray(String[]::new));
    }

    static Run runWithout(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer exit = CommandLine.runTool(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(Integer exit, String out, String err) {
    }
}
