package io.bouncesweeper.job;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.imap.ImapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gmail's 15 connections per account cap the entries of one Gmail account run at once. */
@ExtendWith(OutputCaptureExtension.class)
class AccountConnectionLimitsTest {

    @Test
    void entriesOfOneGmailAccountBeyondItsConnectionsAreCappedWithAWarning(CapturedOutput output) {
        List<MailboxTarget> targets = entries("imap.gmail.com", "bounces@example.org", 10);
        assertThat(AccountConnectionLimits.maxParallel("gmail-job", targets, 12)).isEqualTo(7);
        assertThat(output).contains("job 'gmail-job'").contains("bounces@example.org@imap.gmail.com")
                .contains("max-parallel-mailboxes=12").contains("running 7 at a time");
    }

    @Test
    void withinTheLimitTheSettingStands(CapturedOutput output) {
        assertThat(AccountConnectionLimits.maxParallel("j", entries("imap.gmail.com", "a@example.org", 10), 7))
                .isEqualTo(7);
        assertThat(AccountConnectionLimits.maxParallel("j", entries("imap.gmail.com", "a@example.org", 3), 32))
                .as("three entries hold six connections").isEqualTo(32);
        assertThat(output).doesNotContain("more than the");
    }

    @Test
    void entriesOfDifferentGmailAccountsCountApart() {
        List<MailboxTarget> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            targets.addAll(entries("imap.gmail.com", "user" + i + "@example.org", 2));
        }
        assertThat(AccountConnectionLimits.maxParallel("j", targets, 12)).isEqualTo(12);
    }

    @Test
    void otherProvidersAreNotCapped() {
        assertThat(AccountConnectionLimits.maxParallel("j", entries("outlook.office365.com", "a@example.org", 20), 20))
                .isEqualTo(20);
    }

    private static List<MailboxTarget> entries(String host, String user, int folders) {
        ImapSettings settings = new ImapSettings(host, 993, user, "unused", ImapSecurity.IMAPS, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(60));
        List<MailboxTarget> targets = new ArrayList<>();
        for (int i = 0; i < folders; i++) {
            targets.add(new MailboxTarget(user + "@" + host, "folder" + i, settings));
        }
        return targets;
    }
}
