package io.bouncesweeper.robust;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.BounceSweeperApplication;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestDatabase;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole application (as {@code java -jar} does: the run-once runner, the launcher, the
 * job) with known, distinctive secrets, then searches everything it printed, every exception it
 * threw and every row it wrote (Spring Batch's parameters, execution contexts and exit messages
 * with their stack traces, and the bounce tables) for them, in clear and as SASL PLAIN base64.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest {
    static final String IMAP_PASSWORD = "Imap-Pw-7f3c9a!x";
    static final String WRONG_IMAP_PASSWORD = "Wrong-Imap-Pw-2b8e41?q";
    static final String DB_PASSWORD = "Db-Pw-91e6d2%k";
    static final String WRONG_DB_PASSWORD = "Wrong-Db-Pw-5d0c77#z";
    static final ServerSetup IMAP = new ServerSetup(RobustPorts.GREENMAIL_SECRETS, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    static final TestMailbox MAILBOX =
            new TestMailbox("127.0.0.1", IMAP.getPort(), ImapSecurity.NONE, "bounces", IMAP_PASSWORD, null);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bounces@localhost", "bounces", IMAP_PASSWORD));

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();
    private CapturedOutput output;

    @BeforeEach
    void setUp(CapturedOutput output) {
        this.output = output;
        JobTestSupport.cleanDatabase(jdbc);
    }

    @Test
    void aGoodRunPrintsAndStoresNoSecret() throws Exception {
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());

        String dbUser = DatabaseProbeUser.create(DB_PASSWORD);
        Assumptions.assumeTrue(dbUser != null, "no admin access to create a database user with a known password");

        Run run = run(IMAP_PASSWORD, dbUser, DB_PASSWORD);

        assertThat(run.exitCode).as(run.text).isZero();
        assertThat(MAILBOX.count("INBOX")).isZero();
        String printed = run.text + output.getAll();
        String stored = everyStoredRow();
        for (String secret : List.of(IMAP_PASSWORD, DB_PASSWORD)) {
            assertNoSecretIn(printed, secret);
            assertNoSecretIn(stored, secret);
        }
    }

    @Test
    void aFailedImapLoginPrintsAndStoresNoSecret() throws Exception {
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());

        Run run = run(WRONG_IMAP_PASSWORD, TestDatabase.get().user(), TestDatabase.get().password());

        assertThat(run.exitCode).as("a failed login fails the run").isEqualTo(1);
        String printed = run.text + output.getAll();
        assertThat(printed).as("the operator learns why").containsIgnoringCase("log in");
        String stored = everyStoredRow();
        assertThat(stored).as("the failure is recorded in the job repository").containsIgnoringCase("log in");
        assertNoSecretIn(printed, WRONG_IMAP_PASSWORD);
        assertNoSecretIn(printed, IMAP_PASSWORD);
        assertNoSecretIn(stored, WRONG_IMAP_PASSWORD);
    }

    @Test
    void aRefusedDatabaseLoginPrintsNoSecret() throws Exception {
        Run run = run(IMAP_PASSWORD, "bs_no_such_user", WRONG_DB_PASSWORD);

        assertThat(run.exitCode).as(run.text).isNotZero();
        String printed = run.text + output.getAll();
        assertThat(printed).containsIgnoringCase("access denied");
        assertNoSecretIn(printed, WRONG_DB_PASSWORD);
        assertNoSecretIn(printed, IMAP_PASSWORD);
    }

    /** The application as the jar starts it; exceptions that escape are part of what it "printed". */
    private Run run(String imapPassword, String dbUser, String dbPassword) {
        TestDatabase db = TestDatabase.get();
        String[] args = {
                "--bounce-sweeper.job-file=does-not-exist.yml",
                "--bounce-sweeper.imap.host=127.0.0.1",
                "--bounce-sweeper.imap.port=" + IMAP.getPort(),
                "--bounce-sweeper.imap.security=NONE",
                "--bounce-sweeper.imap.allow-plaintext=true",
                "--bounce-sweeper.imap.user=bounces",
                "--bounce-sweeper.imap.password=" + imapPassword,
                "--bounce-sweeper.imap.connect-timeout=5s",
                "--bounce-sweeper.db.url=" + db.url(),
                "--bounce-sweeper.db.user=" + dbUser,
                "--bounce-sweeper.db.password=" + dbPassword,
                "--bounce-sweeper.chunk-size=4",
                // as talkative as an operator debugging a failure would make it
                "--logging.level.io.bouncesweeper=DEBUG",
                "--logging.level.com.zaxxer.hikari=DEBUG",
                "--logging.level.org.flywaydb=DEBUG",
                "--logging.level.org.springframework.batch.core.launch=DEBUG",
        };
        StringBuilder text = new StringBuilder();
        int exitCode;
        try (ConfigurableApplicationContext context =
                     new SpringApplicationBuilder(BounceSweeperApplication.class).run(args)) {
            exitCode = SpringApplication.exit(context);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            text.append(trace);
            exitCode = -1;
        }
        return new Run(exitCode, text.toString());
    }

    record Run(int exitCode, String text) {
    }

    /** Every row of every table the run writes, as text. */
    private String everyStoredRow() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                 AND (table_name LIKE 'BATCH\\_%' OR table_name LIKE 'bounce\\_%' OR table_name = 'recipient_state')""",
                String.class);
        assertThat(tables).contains("BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION_CONTEXT", "bounce_message");
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            jdbc.query("SELECT * FROM `" + table + "`", rs -> {
                int columns = rs.getMetaData().getColumnCount();
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                all.append(table).append(' ').append(row).append('\n');
            });
        }
        assertThat(all).as("the job repository recorded the run").contains("BATCH_JOB_EXECUTION_PARAMS");
        return all.toString();
    }

    static void assertNoSecretIn(String text, String secret) {
        assertThat(text).doesNotContain(secret);
        // what AUTHENTICATE PLAIN and XOAUTH2 would carry on the wire, e.g. with mail.debug on
        String plain = Base64.getEncoder().encodeToString(("\0bounces\0" + secret).getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(plain);
        String encodedSecret = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(encodedSecret.substring(0, encodedSecret.length() - 4));
    }
}
