package io.bouncesweeper.support;

import io.bouncesweeper.job.SweepLauncher;
import io.bouncesweeper.job.SweepOutcome;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end expectations that hold on any real IMAP server (GreenMail, Dovecot): the same
 * scenario runs against each.
 */
public final class SweepScenarios {
    public static final List<String> ARCHIVE_FOLDERS =
            List.of("Bounces/Hard", "Bounces/Soft", "Bounces/Other", "Bounces/Unparsed");

    private final TestMailbox mailbox;
    private final SweepLauncher launcher;
    private final JdbcTemplate jdbc;

    public SweepScenarios(TestMailbox mailbox, SweepLauncher launcher, JdbcTemplate jdbc) {
        this.mailbox = mailbox;
        this.launcher = launcher;
        this.jdbc = jdbc;
    }

    /** Every fixture email of the project, the garbage one included. */
    public static List<byte[]> allFixtures() {
        try (Stream<Path> files = Files.list(Path.of(Fixtures.class.getResource("/fixtures").toURI()))) {
            List<byte[]> result = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                result.add(Files.readAllBytes(p));
            }
            assertThat(result).as("fixture emails in src/test/resources/fixtures").hasSizeGreaterThan(5);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seeds all fixtures, sweeps, and checks everything was stored once and archived by outcome. */
    public int sweepAllFixtures() throws Exception {
        List<byte[]> fixtures = allFixtures();
        mailbox.append("INBOX", fixtures);
        assertThat(mailbox.count("INBOX")).isEqualTo(fixtures.size());

        assertThat(launcher.runOnce()).isEqualTo(SweepOutcome.COMPLETED);

        assertThat(mailbox.count("INBOX")).as("inbox after the sweep").isZero();
        assertThat(archivedTotal()).as("archived messages").isEqualTo(fixtures.size());
        assertThat(mailbox.count("Bounces/Unparsed")).as("quarantined garbage").isGreaterThanOrEqualTo(1);
        assertThat(mailbox.count("Bounces/Hard")).as("hard bounces").isGreaterThanOrEqualTo(1);
        assertThat(mailbox.count("Bounces/Soft")).as("soft bounces").isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bounce_message")).isEqualTo(fixtures.size());
        assertThat(count("SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE kind = 'bounce'")).isGreaterThanOrEqualTo(fixtures.size() / 2);
        assertThat(count("SELECT COUNT(*) FROM recipient_state WHERE status = 'suppressed'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bounce_event WHERE status = '5.1.1' AND bounce_class = 'hard'"))
                .as("5.1.1 user unknown is hard").isGreaterThanOrEqualTo(1);
        assertThat(count("""
                SELECT COUNT(*) FROM bounce_event e JOIN recipient_state s ON s.recipient = e.recipient
                 WHERE e.status = '5.1.1' AND s.status <> 'suppressed'""")).as("5.1.1 recipients suppressed").isZero();
        assertThat(count("SELECT COUNT(*) FROM bounce_message WHERE category = 'notice' AND target_folder = 'Bounces/Other'"))
                .as("delays, challenges and receipts filed as notices").isGreaterThanOrEqualTo(6);
        assertThat(count("""
                SELECT COUNT(*) FROM recipient_state s
                 WHERE NOT EXISTS (SELECT 1 FROM bounce_event e WHERE e.recipient = s.recipient
                                     AND e.kind IN ('bounce', 'complaint'))"""))
                .as("list state comes from bounces and complaints only, never from notices").isZero();
        return fixtures.size();
    }

    public int archivedTotal() throws Exception {
        int total = 0;
        for (String f : ARCHIVE_FOLDERS) {
            total += mailbox.count(f);
        }
        return total;
    }

    /** What must not change when mail is replayed: rows and list state. */
    public List<String> databaseSnapshot() {
        List<String> snapshot = new ArrayList<>();
        snapshot.add("messages=" + count("SELECT COUNT(*) FROM bounce_message"));
        snapshot.add("events=" + count("SELECT COUNT(*) FROM bounce_event"));
        snapshot.addAll(jdbc.query("""
                SELECT recipient, status, soft_count, hard_count, suppressed_reason FROM recipient_state ORDER BY recipient""",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " soft=" + rs.getInt(3) + " hard=" + rs.getInt(4)
                        + " why=" + rs.getString(5)));
        return snapshot;
    }

    public int count(String sql) {
        return JobTestSupport.count(jdbc, sql);
    }

    public TestMailbox mailbox() {
        return mailbox;
    }

    public SweepLauncher launcher() {
        return launcher;
    }
}
