package io.bouncesweeper.robust;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured logs (Boot's own, README "Logs"): with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}
 * every line a run prints is one JSON object, the summary included, and no secret is in any.
 * The run gets a JVM of its own, as an operator's run has: in the test JVM, logging that an
 * earlier cached Spring context initialised is kept by Boot and the setting would not apply.
 */
class JsonLogsTest {
    private static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    private static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Test
    void everyLineOfARunIsOneJsonObjectAndNoSecretIsLogged() throws Exception {
        JobTestSupport.cleanDatabase(MigratedDatabase.jdbc());
        MAILBOX.append("INBOX", SweepScenarios.allFixtures());

        JobProcess run = JobProcess.start(environment(), Files.createTempDirectory("json-logs").resolve("run.log"),
                "-Xmx256m");
        assertThat(run.waitFor(300)).as(run.output()).isZero();

        List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("the run's output").hasSizeGreaterThan(3);
        StringBuilder messages = new StringBuilder();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line); // throws on any line that is not JSON
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("log").path("level").asString()).as(line).isNotBlank();
            assertThat(entry.path("@timestamp").asString()).as(line).isNotBlank();
            messages.append(entry.path("message").asString()).append('\n');
        }
        assertThat(messages).contains("Bounce Sweeper summary").contains("messages read:");
        assertThat(run.output()).as("the IMAP password").doesNotContain(MAILBOX.password());
    }

    private static Map<String, String> environment() {
        Map<String, String> env = JobProcess.environment("test-sweep", MAILBOX);
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return env;
    }
}
