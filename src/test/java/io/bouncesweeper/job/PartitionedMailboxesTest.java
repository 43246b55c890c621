package io.bouncesweeper.job;

import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A definition with several mailbox folders runs them as Spring Batch partitions, side by side. */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.max-parallel-mailboxes=2"})
class PartitionedMailboxesTest extends GreenMailJobTest {
    @Test
    void eachFolderIsAPartitionAndBothAreSweptCompletely() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        MAILBOX.append("Second", fixtures.subList(0, 10));

        assertThat(launcher.run(RunRequest.of("test-two-folders"))).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).isZero();
        assertThat(MAILBOX.count("Second")).isZero();
        // each partition read its whole folder (which one stores a shared copy first is up to timing)
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(STEP_NAME, '=', READ_COUNT) FROM BATCH_STEP_EXECUTION
                 WHERE STEP_NAME LIKE 'sweepMailbox:%' ORDER BY STEP_NAME""", String.class))
                .containsExactly("sweepMailbox:mailbox0=" + fixtures.size(), "sweepMailbox:mailbox1=10");
        // the same mail in both folders is one message by content: stored once, archived from both
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(new SweepScenarios(MAILBOX, launcher, jdbc).archivedTotal()).isEqualTo(fixtures.size() + 10);
    }
}
