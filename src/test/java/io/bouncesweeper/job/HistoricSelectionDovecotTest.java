package io.bouncesweeper.job;

import io.bouncesweeper.config.JobDefinition.Selection;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reprocessing a historic folder against Dovecot: {@code select: ALL} takes mail another client has
 * already read (\Seen), and {@code since}/{@code before} choose by the server's date of each message
 * (INTERNALDATE, set here by APPEND), not by the Date header the sender wrote, which the seeded copies
 * contradict on purpose.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
@SpringBootTest(properties = {"bounce-sweeper.run-on-start=false", "bounce-sweeper.jobs-dir=src/test/resources/jobs",
        "bounce-sweeper.job=test-sweep"})
class HistoricSelectionDovecotTest {
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
    }

    @Test
    void selectAllPicksUpSeenMailThatTheNightlyUnseenRunLeaves() throws Exception {
        List<byte[]> read = copies(3, "read", "Mon, 1 Jun 2020 12:00:00 +0000");
        mailbox().appendDated("INBOX", read, noon(LocalDate.of(2020, 6, 1)), true);

        assertThat(launcher.run(new RunRequest("test-sweep", RunOverrides.NONE, null))).isEqualTo(SweepOutcome.COMPLETED);
        assertThat(mailbox().count("INBOX")).as("UNSEEN (the default) leaves read mail alone").isEqualTo(3);
        assertThat(stored()).isZero();

        assertThat(launcher.run(historic(null, null))).isEqualTo(SweepOutcome.COMPLETED);
        assertThat(mailbox().count("INBOX")).as("select ALL takes read mail too").isZero();
        assertThat(stored()).isEqualTo(3);
        assertThat(archived()).isEqualTo(3);
    }

    @Test
    void sinceAndBeforeChooseByTheServersDateNotTheDateHeader() throws Exception {
        // each group's Date header lies inside the range of another group
        mailbox().appendDated("INBOX", copies(2, "too-early", "Sat, 15 Jun 2024 12:00:00 +0000"),
                noon(LocalDate.of(2023, 12, 31)), true);
        mailbox().appendDated("INBOX", copies(3, "first-day", "Sun, 15 Dec 2019 12:00:00 +0000"),
                noon(LocalDate.of(2024, 1, 1)), true);
        mailbox().appendDated("INBOX", copies(4, "inside", "Tue, 1 Jan 2030 12:00:00 +0000"),
                noon(LocalDate.of(2024, 7, 14)), false);
        mailbox().appendDated("INBOX", copies(5, "before-is-exclusive", "Mon, 1 Jul 2024 12:00:00 +0000"),
                noon(LocalDate.of(2025, 1, 1)), true);
        List<Long> seeded = mailbox().uids("INBOX"); // in append order: 2, 3, 4, 5 of the groups

        assertThat(launcher.run(historic(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))))
                .isEqualTo(SweepOutcome.COMPLETED);

        assertThat(seeded).hasSize(14);
        assertThat(jdbc.queryForList("SELECT uid FROM bounce_message ORDER BY uid", Long.class))
                .as("received on 1 Jan 2024 (since is inclusive) and on 14 Jul 2024").isEqualTo(seeded.subList(2, 9));
        assertThat(archived()).isEqualTo(7);
        List<Long> left = new java.util.ArrayList<>(seeded.subList(0, 2));
        left.addAll(seeded.subList(9, 14));
        assertThat(mailbox().uids("INBOX")).as("received on 31 Dec 2023 and on 1 Jan 2025 (before is exclusive) stay")
                .isEqualTo(left);
    }

    private static RunRequest historic(LocalDate since, LocalDate before) {
        return new RunRequest("test-sweep", new RunOverrides(null, Selection.ALL, since, before, false, false), null);
    }

    private int stored() {
        return JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message");
    }

    private int archived() throws Exception {
        int total = 0;
        for (String f : SweepScenarios.ARCHIVE_FOLDERS) {
            total += mailbox().count(f);
        }
        return total;
    }

    /** Noon UTC: the same day in every time zone Dovecot might compare SINCE and BEFORE in. */
    private static Date noon(LocalDate day) {
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** Distinct copies of one hard bounce, each with its group's marker and the given Date header. */
    private static List<byte[]> copies(int n, String group, String dateHeader) {
        String fixture = new String(SweepScenarios.allFixtures().stream()
                .filter(f -> new String(f, StandardCharsets.ISO_8859_1).contains("5.1.1")).findFirst().orElseThrow(),
                StandardCharsets.ISO_8859_1).replaceFirst("(?m)^Date:[^\r\n]*\r?\n", "");
        List<byte[]> result = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(("X-Group: " + group + "\r\nX-Copy: " + i + "\r\nDate: " + dateHeader + "\r\n" + fixture)
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        return result;
    }
}
