package io.bouncesweeper.config;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The definitions shipped in jobs/ load, and a wrong one is refused with its file and key named. */
class JobDefinitionsTest {
    private static Validator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void validator() {
        validator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    @Test
    void theShippedDefinitionsLoad() {
        JobDefinitions shipped = new JobDefinitions(Path.of("jobs"), validator);

        JobDefinition nightly = shipped.load("nightly-cleanup");
        assertThat(nightly.name()).isEqualTo("nightly-cleanup");
        assertThat(nightly.schedule()).isEqualTo("0 30 2 * * ?");
        assertThat(nightly.mailboxes()).extracting(JobDefinition.Mailbox::folder).containsExactly("INBOX");
        assertThat(nightly.select()).isEqualTo(JobDefinition.Selection.UNSEEN);
        assertThat(nightly.policy().softThreshold()).isEqualTo(3);
        assertThat(nightly.policy().softWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(nightly.archive().unparsed()).isEqualTo("Bounces/Unparsed");
        assertThat(nightly.archive().notices()).isEqualTo("Bounces/Other");

        assertThat(shipped.load("reprocess-historic").select()).isEqualTo(JobDefinition.Selection.ALL);
        assertThat(shipped.all()).extracting(JobDefinition::name).contains("nightly-cleanup", "reprocess-historic");
    }

    @Test
    void defaultsFillWhatAFileLeavesOut() throws IOException {
        write("minimal", "mailboxes:\n  - folder: Bounces\n");

        JobDefinition d = definitions().load("minimal");

        assertThat(d.chunkSize()).isEqualTo(200);
        assertThat(d.dryRun()).isFalse();
        assertThat(d.archive().hard()).isEqualTo("Bounces/Hard");
    }

    @Test
    void aThresholdOutsideOneToTenNamesFileAndKey() throws IOException {
        for (int wrong : new int[]{0, 11}) {
            write("bad", "mailboxes:\n  - folder: INBOX\npolicy:\n  soft-threshold: " + wrong + "\n");

            assertThatThrownBy(() -> definitions().load("bad"))
                    .isInstanceOf(InvalidJobDefinitionException.class)
                    .hasMessageContaining("bad.yml")
                    .hasMessageContaining("policy.soft-threshold");
        }
        for (int right : new int[]{1, 10}) {
            write("good", "mailboxes:\n  - folder: INBOX\npolicy:\n  soft-threshold: " + right + "\n");
            assertThat(definitions().load("good").policy().softThreshold()).isEqualTo(right);
        }
    }

    @Test
    void alertsDefaultToAWarningAtTenAndAreValidated() throws IOException {
        write("minimal", "mailboxes:\n  - folder: INBOX\n");
        assertThat(definitions().load("minimal").alerts()).isEqualTo(new JobDefinition.Alerts(10, false));

        write("alerting", "mailboxes:\n  - folder: INBOX\nalerts:\n  sender-side-threshold: 3\n  fail-run: true\n");
        assertThat(definitions().load("alerting").alerts()).isEqualTo(new JobDefinition.Alerts(3, true));

        write("bad", "mailboxes:\n  - folder: INBOX\nalerts:\n  sender-side-threshold: 0\n");
        assertThatThrownBy(() -> definitions().load("bad"))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("bad.yml")
                .hasMessageContaining("alerts.sender-side-threshold");
    }

    @Test
    void listPolicyCorrelationAndListUpdatesBind() throws IOException {
        write("lists", """
                mailboxes:
                  - folder: INBOX
                policy:
                  allow-list: [ceo@example.org, example.com]
                  reason-groups: /etc/bounce-sweeper/reason-groups.tsv
                correlation:
                  campaign-header: X-Mailing
                  extra-headers: [X-Tenant]
                  verp: "bounces+{local}={domain}@example.com"
                list-updates:
                  on-suppressed: "UPDATE subscribers SET status = 'bounced' WHERE email = :email"
                """);

        JobDefinition d = definitions().load("lists");

        assertThat(d.policy().allowList()).containsExactly("ceo@example.org", "example.com");
        assertThat(d.policy().reasonGroups()).isEqualTo("/etc/bounce-sweeper/reason-groups.tsv");
        assertThat(d.correlation().campaignHeader()).isEqualTo("X-Mailing");
        assertThat(d.correlation().subscriberHeader()).isEqualTo("X-Subscriber-Id");
        assertThat(d.correlation().extraHeaders()).containsExactly("X-Tenant");
        assertThat(d.correlation().verp()).isEqualTo("bounces+{local}={domain}@example.com");
        assertThat(d.listUpdates().onSuppressed()).contains(":email");
        assertThat(d.listUpdates().onComplained()).isNull();
    }

    @Test
    void aVerpPatternWithoutPlaceholdersIsRefused() throws IOException {
        write("verp", "mailboxes:\n  - folder: INBOX\ncorrelation:\n  verp: bounces@example.com\n");

        assertThatThrownBy(() -> definitions().load("verp")).hasMessageContaining("correlation");
    }

    @Test
    void aDefinitionWithoutMailboxesIsRefused() throws IOException {
        write("empty", "description: nothing to do\n");

        assertThatThrownBy(() -> definitions().load("empty")).hasMessageContaining("mailboxes");
    }

    @Test
    void aFolderSplitByUidRangeBindsEachEntrysRange() throws IOException {
        write("split", """
                mailboxes:
                  - folder: Bounces/2019
                    uid-to: 500000
                  - folder: Bounces/2019
                    uid-from: 500001
                select: ALL
                """);

        List<JobDefinition.Mailbox> parts = definitions().load("split").mailboxes();

        assertThat(parts.get(0).uids()).isEqualTo(new io.bouncesweeper.domain.UidRange(1, 500_000));
        assertThat(parts.get(1).uids()).isEqualTo(new io.bouncesweeper.domain.UidRange(500_001,
                io.bouncesweeper.domain.UidRange.MAX_UID));
        assertThat(parts.get(1).uids().searchKey()).as("no '*', which always matches the last message")
                .isEqualTo("UID 500001:4294967295");
        assertThat(definitions().load("split").with(new RunOverrides(null, null, null, null, false, false, false,
                10L, 20L)).mailboxes()).allSatisfy(m -> assertThat(m.uids().toString()).isEqualTo("10:20"));
    }

    @Test
    void aReversedOrImpossibleUidRangeNamesFileAndKey() throws IOException {
        write("reversed", "mailboxes:\n  - folder: INBOX\n    uid-from: 20\n    uid-to: 10\n");
        assertThatThrownBy(() -> definitions().load("reversed")).isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("reversed.yml").hasMessageContaining("mailboxes[0]")
                .hasMessageContaining("uid-from must not be above uid-to");

        write("zero", "mailboxes:\n  - folder: INBOX\n    uid-from: 0\n");
        assertThatThrownBy(() -> definitions().load("zero")).hasMessageContaining("mailboxes[0].uid-from");

        write("huge", "mailboxes:\n  - folder: INBOX\n    uid-to: 4294967296\n");
        assertThatThrownBy(() -> definitions().load("huge")).hasMessageContaining("mailboxes[0].uid-to");

        assertThatThrownBy(() -> new RunOverrides(null, null, null, null, false, false, false, 9L, 8L))
                .isInstanceOf(InvalidJobDefinitionException.class).hasMessageContaining("--uid-from");
    }

    @Test
    void aMisspelledValueIsNamed() throws IOException {
        write("typo", "mailboxes:\n  - folder: INBOX\nselect: SOME\n");

        assertThatThrownBy(() -> definitions().load("typo")).hasMessageContaining("select");
    }

    @Test
    void brokenYamlNamesTheFile() throws IOException {
        write("broken", "description: one: two\nmailboxes:\n  - folder: INBOX\n");

        assertThatThrownBy(() -> definitions().load("broken"))
                .isInstanceOf(InvalidJobDefinitionException.class).hasMessageContaining("broken.yml");
    }

    @Test
    void aMissingDefinitionSaysWhereItLooked() {
        assertThatThrownBy(() -> definitions().load("nope"))
                .hasMessageContaining("nope").hasMessageContaining("bounce-sweeper.jobs-dir");
    }

    @Test
    void commandLineOverridesWin() throws IOException {
        write("base", "mailboxes:\n  - folder: INBOX\n  - folder: Other\n");
        JobDefinition d = definitions().load("base").with(new RunOverrides("Bounces/2024", JobDefinition.Selection.ALL,
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), true, false));

        assertThat(d.mailboxes()).extracting(JobDefinition.Mailbox::folder).isEqualTo(List.of("Bounces/2024"));
        assertThat(d.select()).isEqualTo(JobDefinition.Selection.ALL);
        assertThat(d.dryRun()).isTrue();
        assertThat(d.since()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    private JobDefinitions definitions() {
        return new JobDefinitions(dir, validator);
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name + ".yml"), yaml);
    }
}
