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
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pod of the chart's Indexed Job, as the application sees it: a real process whose environment
 * carries JOB_COMPLETION_INDEX (Kubernetes sets it from the pod's completion index) sweeps that
 * entry of the definition's {@code mailboxes} and leaves the other entries to the other pods.
 */
class CompletionIndexProcessTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Test
    void completionIndexOneSweepsTheSecondMailboxEntryOnly() throws Exception {
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures.subList(0, 3));      // mailboxes[0] of test-two-folders
        MAILBOX.append("Second", fixtures.subList(3, 7));     // mailboxes[1]

        JobProcess pod = JobProcess.start(environment("1"), Files.createTempDirectory("completion-index").resolve("pod.log"),
                "-Xmx256m");
        assertThat(pod.waitFor(300)).as(pod.output()).isZero();

        assertThat(MAILBOX.count("Second")).as("entry 1 swept").isZero();
        assertThat(MAILBOX.count("INBOX")).as("entry 0 left to pod 0").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT folder FROM bounce_message", String.class)).containsExactly("Second");
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NOT NULL"))
                .isEqualTo(4);
        assertThat(JobTestSupport.count(jdbc, """
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE parameter_name = 'shard' AND parameter_value = '1'"""))
                .as("the run is recorded as shard 1").isEqualTo(1);
        assertThat(pod.output()).contains("1 mailbox folder(s) [bounces@127.0.0.1/Second]");
    }

    private static Map<String, String> environment(String completionIndex) {
        Map<String, String> env = JobProcess.environment("test-two-folders", MAILBOX);
        env.put("JOB_COMPLETION_INDEX", completionIndex);
        return env;
    }
}
