package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapAuth;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.config.InvalidJobDefinitionException;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bouncesweeper.imap.oauth.OAuth2TokenClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity an account is stored and locked under: {@code user@host} unless the entry names one.
 * Two servers on one host (different ports) with the same user would share it and mix up their
 * UIDs, resume positions and outbox rows: such a definition is refused until one has an identity.
 */
class MailboxTargetsTest {
    static final BounceSweeperProperties.Imap ACCOUNT = new BounceSweeperProperties.Imap("127.0.0.1", 10993, "bounces",
            "secret", ImapSecurity.IMAPS, false, null, null, Duration.ofSeconds(30), Duration.ofSeconds(120), 26_214_400L,
            true, true, 6, Duration.ofSeconds(2), ImapAuth.PASSWORD, null, null, null, false, null);

    @TempDir
    Path dir;

    @Test
    void theIdentityIsUserAtHostByDefault() throws IOException {
        List<MailboxTarget> targets = resolve("""
                mailboxes:
                  - folder: INBOX
                  - folder: INBOX
                    user: other
                    password-env: OTHER_PASSWORD
                """);

        assertThat(targets).extracting(MailboxTarget::mailbox).containsExactly("bounces@127.0.0.1", "other@127.0.0.1");
    }

    @Test
    void twoServersOnOneHostWithTheSameUserAndFolderAreRefused() throws IOException {
        assertThatThrownBy(() -> resolve("""
                mailboxes:
                  - folder: INBOX
                  - folder: INBOX
                    port: 11993
                    security: IMAPS
                """))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("mailboxes[0] and mailboxes[1]")
                .hasMessageContaining("127.0.0.1:10993, 127.0.0.1:11993")
                .hasMessageContaining("same identity 'bounces@127.0.0.1'");
    }

    @Test
    void anIdentityOfItsOwnKeepsTheSecondServerApartInStoreAndLocks() throws IOException {
        List<MailboxTarget> targets = resolve("""
                mailboxes:
                  - folder: INBOX
                  - folder: INBOX
                    port: 11993
                    security: IMAPS
                    identity: bounces@127.0.0.1:11993
                """);

        assertThat(targets).extracting(MailboxTarget::mailbox).containsExactly("bounces@127.0.0.1", "bounces@127.0.0.1:11993");
        assertThat(targets.get(1).settings().port()).isEqualTo(11993);
        assertThat(MailboxLock.lockName(targets.get(0).mailbox(), "INBOX"))
                .isNotEqualTo(MailboxLock.lockName(targets.get(1).mailbox(), "INBOX"));
    }

    @Test
    void theAccountsCompressionSettingReachesEveryMailbox() throws IOException {
        BounceSweeperProperties.Imap noCompression = new BounceSweeperProperties.Imap("127.0.0.1", 10993, "bounces",
                "secret", ImapSecurity.IMAPS, false, null, null, Duration.ofSeconds(30), Duration.ofSeconds(120), 26_214_400L,
                true, false, 6, Duration.ofSeconds(2), ImapAuth.PASSWORD, null, null, null, false, null);
        Files.writeString(dir.resolve("job.yml"), """
                mailboxes:
                  - folder: INBOX
                  - folder: Archive
                """);
        JobDefinition definition = new JobDefinitions(dir, Validation.buildDefaultValidatorFactory().getValidator())
                .load("job");
        List<MailboxTarget> targets = MailboxTargets.resolve(definition, noCompression, Map.<String, String>of()::get);
        assertThat(targets).hasSize(2).noneMatch(t -> t.settings().compress());
        assertThat(resolve(Files.readString(dir.resolve("job.yml")))).allMatch(t -> t.settings().compress());
    }

    @Test
    void anEntrysOAuth2BlockIsItsLoginAndEntriesOfOneAccountShareOneTokenCache() throws IOException {
        List<MailboxTarget> targets = resolve("""
                mailboxes:
                  - folder: INBOX
                  - folder: INBOX
                    user: alerts
                    oauth2:
                      grant: client-credentials
                      token-endpoint: https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token
                      client-id: 0f1e2d3c
                      client-secret-env: M365_SECRET
                      scope: https://outlook.office365.com/.default
                  - folder: Junk
                    user: alerts
                    oauth2:
                      grant: client-credentials
                      token-endpoint: https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token
                      client-id: 0f1e2d3c
                      client-secret-env: M365_SECRET
                      scope: https://outlook.office365.com/.default
                """);

        assertThat(targets.get(0).settings().oauth2()).as("the default account logs in by password").isNull();
        assertThat(targets.get(1).settings().oauth2()).isInstanceOf(OAuth2TokenClient.class)
                .isSameAs(targets.get(2).settings().oauth2());
        assertThat(targets.get(1).settings().toString()).contains("client-credentials grant").doesNotContain("m365-secret");
    }

    @Test
    void aMissingOAuth2SecretFailsAtStartNamingEntryAndVariable() {
        assertThatThrownBy(() -> resolve("""
                mailboxes:
                  - folder: INBOX
                    oauth2:
                      grant: refresh-token
                      token-endpoint: https://oauth2.googleapis.com/token
                      client-id: 1234.apps.googleusercontent.com
                      client-secret-env: M365_SECRET
                      refresh-token-env: GMAIL_REFRESH_TOKEN
                """))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("mailboxes[0]")
                .hasMessageContaining("mailboxes[0].oauth2.refresh-token-env")
                .hasMessageContaining("GMAIL_REFRESH_TOKEN");
    }

    @Test
    void aGrantWithoutItsCredentialIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> resolve("""
                mailboxes:
                  - folder: INBOX
                    oauth2:
                      grant: jwt-bearer
                      token-endpoint: http://oauth.example.com/token
                      client-id: sweeper@project.iam.gserviceaccount.com
                """))
                .isInstanceOf(InvalidJobDefinitionException.class)
                .hasMessageContaining("private-key-env and private-key-file")
                .hasMessageContaining("token-endpoint must be an https URL");
    }

    private List<MailboxTarget> resolve(String yaml) throws IOException {
        Files.writeString(dir.resolve("job.yml"), yaml);
        JobDefinition definition = new JobDefinitions(dir, Validation.buildDefaultValidatorFactory().getValidator())
                .load("job");
        return MailboxTargets.resolve(definition, ACCOUNT, Map.of("OTHER_PASSWORD", "x", "M365_SECRET", "m365-secret")::get);
    }
}
