package io.bouncesweeper.job;

import io.bouncesweeper.config.InvalidJobDefinitionException;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.TestMailbox;
import jakarta.mail.Folder;
import jakarta.validation.Validation;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mailbox entry may name an RFC 6154 special use ({@code folder: \Junk}) instead of a folder; the
 * test Dovecot (scripts/services.sh) gives folder SpecialUseJunk the special use \Junk and
 * announces SPECIAL-USE, so the lookup is {@code LIST (SPECIAL-USE)} against a real server.
 */
class SpecialUseFolderTest {
    @TempDir
    Path dir;

    @Test
    void anEntryNamingNoSpecialUseOfRfc6154IsRefusedAtStartNamingTheSetting() throws Exception {
        assertThatThrownBy(() -> resolve("\\\\Spam", MailboxTargetsTest.ACCOUNT))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("mailboxes[0].folder").hasMessageContaining("\\Spam")
                .hasMessageContaining("\\Junk");
    }

    @Test
    @EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
    void junkResolvesToTheFolderTheServerListsWithThatSpecialUse() throws Exception {
        TestMailbox mailbox = Dovecot.imaps();
        try (IMAPStore store = mailbox.connector().connect()) {
            assertThat(store.hasCapability("SPECIAL-USE")).isTrue();
            Folder junk = store.getFolder("SpecialUseJunk");
            if (!junk.exists()) {
                junk.create(Folder.HOLDS_MESSAGES);
            }
            try {
                MailboxTarget target = resolve("\\\\junk", MailboxTargetsTest.ACCOUNT).get(0);
                MailboxTarget onDovecot = new MailboxTarget(target.mailbox(), target.folder(),
                        mailbox.connector().settings());

                List<MailboxTarget> resolved = MailboxTargets.withSpecialUseResolved("j", List.of(onDovecot));

                assertThat(resolved).extracting(MailboxTarget::folder).containsExactly("SpecialUseJunk");
                assertThat(MailboxTargets.folderOf("j", new MailboxTarget("m", "INBOX", onDovecot.settings())))
                        .as("a folder name is taken as it is").isEqualTo("INBOX");
            } finally {
                junk.delete(true);
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
    void aSpecialUseTheServerHasNoFolderForFailsAtStartNamingTheEntryAndSetting() throws Exception {
        ImapSettings settings = Dovecot.imaps().connector().settings();
        MailboxTarget drafts = new MailboxTarget("bounces@dovecot", "\\Drafts", settings);

        assertThatThrownBy(() -> MailboxTargets.withSpecialUseResolved("nightly", List.of(drafts)))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("job definition 'nightly'").hasMessageContaining("folder \\Drafts")
                .hasMessageContaining("bounces@dovecot").hasMessageContaining("lists no folder with the special use")
                .hasMessageContaining("folder setting");
    }

    private List<MailboxTarget> resolve(String folder, io.bouncesweeper.config.BounceSweeperProperties.Imap account)
            throws Exception {
        Files.writeString(dir.resolve("job.yml"), "mailboxes:\n  - folder: \"" + folder + "\"\n");
        JobDefinition definition = new JobDefinitions(dir, Validation.buildDefaultValidatorFactory().getValidator())
                .load("job");
        return MailboxTargets.resolve(definition, account, Map.<String, String>of()::get);
    }
}
