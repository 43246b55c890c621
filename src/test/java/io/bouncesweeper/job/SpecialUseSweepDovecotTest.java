package io.bouncesweeper.job;

import io.bouncesweeper.config.JobDefinition.Selection;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.Folder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose mailbox entry names {@code \Junk}: the job sweeps the folder Dovecot lists with that
 * special use (SpecialUseJunk, scripts/services.sh) and stores its mail under that folder's name.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class SpecialUseSweepDovecotTest {
    private static final String JUNK = "SpecialUseJunk";

    static TestMailbox mailbox() {
        return Dovecot.imaps();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, mailbox());
        registry.add("bounce-sweeper.imap.allow-plaintext", () -> "false");
    }

    @Autowired
    SweepLauncher launcher;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() throws Exception {
        JobTestSupport.cleanDatabase(jdbc);
        mailbox().clear();
        try (IMAPStore store = mailbox().connector().connect()) {
            Folder junk = store.getFolder(JUNK);
            if (!junk.exists()) {
                junk.create(Folder.HOLDS_MESSAGES);
            }
        }
    }

    @AfterEach
    void removeJunk() throws Exception {
        try (IMAPStore store = mailbox().connector().connect()) {
            Folder junk = store.getFolder(JUNK);
            if (junk.exists()) {
                junk.delete(true);
            }
        }
    }

    @Test
    void anEntryNamingJunkSweepsTheFolderWithThatSpecialUse() throws Exception {
        List<byte[]> bounces = SweepScenarios.allFixtures().subList(0, 3);
        mailbox().append(JUNK, bounces);
        mailbox().append("INBOX", SweepScenarios.allFixtures().subList(3, 4));

        SweepOutcome outcome = launcher.run(new RunRequest("test-sweep",
                new RunOverrides("\\Junk", Selection.ALL, null, null, false, false), null));

        assertThat(outcome).isEqualTo(SweepOutcome.COMPLETED);
        assertThat(mailbox().count(JUNK)).as("all of the junk folder archived").isZero();
        assertThat(mailbox().count("INBOX")).as("the entry named \\Junk only").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT folder FROM bounce_message", String.class))
                .as("stored under the server's name of the folder").containsExactly(JUNK);
        assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(3);
    }
}
