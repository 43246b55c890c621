package io.bouncesweeper.job;

import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.Folder;
import org.eclipse.angus.mail.imap.IMAPStore;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole job against Dovecot (Debian's package, started by scripts/services.sh) over IMAPS
 * with certificate and host-name verification against the test CA, and a real MariaDB. Dovecot
 * has MOVE and UIDPLUS, so this covers the UID MOVE path.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class BounceSweepDovecotTest {
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

    SweepScenarios scenarios;

    @BeforeEach
    void setUp() throws Exception {
        JobTestSupport.cleanDatabase(jdbc);
        mailbox().clear();
        scenarios = new SweepScenarios(mailbox(), launcher, jdbc);
    }

    @Test
    void sweepsStoresAndArchivesEveryMessageOverImaps() throws Exception {
        scenarios.sweepAllFixtures();
    }

    @Test
    void replayedMailChangesNothingAndIsArchived() throws Exception {
        int n = scenarios.sweepAllFixtures();
        List<String> before = scenarios.databaseSnapshot();

        mailbox().append("INBOX", SweepScenarios.allFixtures());
        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(mailbox().count("INBOX")).isZero();
        assertThat(scenarios.archivedTotal()).isEqualTo(2 * n);
        assertThat(scenarios.databaseSnapshot()).isEqualTo(before);
    }

    /** services.sh gives folder SpecialUseJunk the RFC 6154 special use \Junk; the run finds it by LIST. */
    @Test
    void anEntryNamingJunkSweepsTheFolderWithThatSpecialUseAndStoresItsName() throws Exception {
        String junk = "SpecialUseJunk";
        try (IMAPStore store = mailbox().connector().connect()) {
            Folder folder = store.getFolder(junk);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            try {
                mailbox().append(junk, SweepScenarios.allFixtures().subList(0, 3));
                mailbox().append("INBOX", SweepScenarios.allFixtures().subList(3, 4));

                SweepOutcome outcome = launcher.run(new RunRequest("test-sweep",
                        new RunOverrides("\\Junk", JobDefinition.Selection.ALL, null, null, false, false), null));

                assertThat(outcome).isEqualTo(SweepOutcome.COMPLETED);
                assertThat(mailbox().count(junk)).as("all of the junk folder archived").isZero();
                assertThat(mailbox().count("INBOX")).as("the entry named \\Junk only").isEqualTo(1);
                assertThat(jdbc.queryForList("SELECT DISTINCT folder FROM bounce_message", String.class))
                        .as("stored under the server's name of the folder").containsExactly(junk);
                assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(3);
            } finally {
                folder.delete(true);
            }
        }
    }

    @Test
    void starttlsConnectionVerifiesTheServerAndReads() throws Exception {
        mailbox().append("INBOX", List.of(SweepScenarios.allFixtures().get(0)));
        try (var session = Dovecot.starttls().connector().open("INBOX")) {
            assertThat(session.searchUids(0, "UNSEEN")).hasSize(1);
        }
    }

    @Test
    void aServerCertificateNobodyTrustsIsRefused() {
        TestMailbox m = Dovecot.imaps();
        TestMailbox withoutTrustStore = new TestMailbox(m.host(), m.port(), m.security(), m.user(), m.password(), null);

        assertThatThrownBy(() -> withoutTrustStore.connector().open("INBOX"))
                .hasStackTraceContaining("PKIX path building failed");
    }

    @Test
    void starttlsIsRequiredNotOptional() {
        TestMailbox m = Dovecot.starttls();
        // the STARTTLS port also speaks plain IMAP; with STARTTLS required, a missing trust still fails the login
        TestMailbox withoutTrustStore = new TestMailbox(m.host(), m.port(), m.security(), m.user(), m.password(), null);

        assertThatThrownBy(() -> withoutTrustStore.connector().open("INBOX"))
                .hasStackTraceContaining("PKIX path building failed");
    }
}
