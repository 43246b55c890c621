package io.bouncesweeper.job;

import io.bouncesweeper.support.GreenMailJobTest;
import io.bouncesweeper.support.SweepScenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path for servers without MOVE: UID COPY, \Deleted and UID EXPUNGE of exactly the moved
 * UIDs. A message someone else marked \Deleted in the same folder must survive it.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.use-move=false"})
class CopyExpungeFallbackTest extends GreenMailJobTest {
    @Test
    void sweepsWithCopyAndUidExpunge() throws Exception {
        new SweepScenarios(MAILBOX, launcher, jdbc).sweepAllFixtures();
    }

    @Test
    void onlyTheMovedUidsAreExpunged() throws Exception {
        List<byte[]> fixtures = SweepScenarios.allFixtures();
        MAILBOX.append("INBOX", fixtures);
        long othersUid = MAILBOX.appendDeletedSeen("INBOX", fixtures.get(0)); // someone else's, seen and \\Deleted

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(MAILBOX.count("INBOX")).as("the other client's deleted message is still there").isEqualTo(1);
        assertThat(MAILBOX.uids("INBOX")).containsExactly(othersUid);
    }
}
