package io.bouncesweeper.robust;

import io.bouncesweeper.support.Dovecot;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.SweepScenarios;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One folder split by UID range over two job processes (real JVMs), as the chart's Indexed Job splits
 * a huge historic folder over pods: the definition has two entries for the same folder with disjoint
 * ranges, and JOB_COMPLETION_INDEX gives each process its entry. Both work at the same time (each
 * pauses 20 s after its first commit, holding its locks, so their runs certainly overlap), both
 * complete, every message is stored once, by the process whose range holds it, and archived once.
 */
@EnabledIfSystemProperty(named = Dovecot.ENABLED_PROPERTY, matches = "true")
class UidSplitDovecotTest {

    @Test
    void twoProcessesWithDisjointRangesShareOneFolderAndCountEachMessageOnce() throws Exception {
        JdbcTemplate jdbc = MigratedDatabase.jdbc();
        JobTestSupport.cleanDatabase(jdbc);
        try (PrivateDovecot dovecot = PrivateDovecot.start("uid-split", null)) {
            TestMailbox mailbox = dovecot.imaps();
            List<byte[]> many = new ArrayList<>();
            for (int copy = 0; copy < 8; copy++) {
                for (byte[] f : SweepScenarios.allFixtures()) {
                    many.add(("X-Copy: " + copy + "\r\n" + new String(f, StandardCharsets.ISO_8859_1))
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            RawAppend.append(mailbox, "INBOX", many);
            int n = many.size();
            List<Long> uids = mailbox.uids("INBOX");
            assertThat(uids).hasSize(n);
            long split = uids.get(n / 2 - 1); // the first process reads up to here, the second from the next UID on

            Path dir = Files.createTempDirectory("uid-split");
            Path jobs = Files.createDirectories(dir.resolve("jobs"));
            Files.writeString(jobs.resolve("historic-split.yml"), """
                    description: One historic folder read by two processes.
                    mailboxes:
                      - folder: INBOX
                        uid-to: %d
                      - folder: INBOX
                        uid-from: %d
                    select: ALL
                    chunk-size: 25
                    """.formatted(split, split + 1));
            JobProcess first = JobProcess.start(environment(dovecot, jobs, 0), dir.resolve("0.log"), "-Xmx256m");
            JobProcess second = JobProcess.start(environment(dovecot, jobs, 1), dir.resolve("1.log"), "-Xmx256m");

            assertThat(first.waitFor(300)).as(first.output()).isZero();
            assertThat(second.waitFor(300)).as(second.output()).isZero();

            assertThat(mailbox.count("INBOX")).isZero();
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message")).isEqualTo(n);
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(DISTINCT uid) FROM bounce_message")).isEqualTo(n);
            assertThat(JobTestSupport.count(jdbc, "SELECT COUNT(*) FROM bounce_message WHERE archived_at IS NULL")).isZero();
            int archived = 0;
            for (String f : SweepScenarios.ARCHIVE_FOLDERS) {
                archived += mailbox.count(f);
            }
            assertThat(archived).as("archived once").isEqualTo(n);

            String byShard = """
                    SELECT COUNT(*) FROM bounce_message m
                      JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.job_execution_id = m.job_execution_id
                     WHERE p.parameter_name = 'shard' AND p.parameter_value = ? AND m.uid %s ?""";
            assertThat(JobTestSupport.count(jdbc, byShard.formatted("<="), "0", split)).isEqualTo(n / 2);
            assertThat(JobTestSupport.count(jdbc, byShard.formatted(">"), "1", split)).isEqualTo(n - n / 2);

            List<Map<String, Object>> runs = jdbc.queryForList(
                    "SELECT start_time, end_time, status FROM BATCH_JOB_EXECUTION ORDER BY start_time");
            assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("COMPLETED"));
            assertThat(((LocalDateTime) runs.get(1).get("start_time")).isBefore((LocalDateTime) runs.get(0).get("end_time")))
                    .as("the two runs overlapped: %s", runs).isTrue();
        }
    }

    private static Map<String, String> environment(PrivateDovecot dovecot, Path jobs, int index) {
        Map<String, String> env = TwoProcessesDovecotTest.environment(dovecot);
        env.put("BOUNCE_SWEEPER_TEST_CRASH_AT", "after-commit:1:pause=20");
        env.put("BOUNCE_SWEEPER_JOBS_DIR", jobs.toString());
        env.put("BOUNCE_SWEEPER_JOB", "historic-split");
        env.put("JOB_COMPLETION_INDEX", String.valueOf(index));
        return env;
    }
}
