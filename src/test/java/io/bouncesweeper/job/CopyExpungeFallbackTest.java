package io.bouncesweeper.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path for servers without MOVE: UID COPY, \Deleted and UID EXPUNGE of exactly the moved
 * UIDs. A message someone else marked \Deleted in the same folder must survive it.
 */
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep", "bounce-sweeper.imap.use-move=false"})
class CopyExpungeFallbackTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, MAILBOX);
    }

    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        JobTestSupport.cleanDatabase(jdbc);
    }

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
