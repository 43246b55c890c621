package io.bouncesweeper.report;

import io.bouncesweeper.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's Messages card counts the mail the job read in the period, whatever date the bounce
 * itself carries (the benchmark's 2,000 messages showed as 1,956: 44 were dated before the period),
 * and tells apart the ones dated before it, whose bounces the period's counts leave out.
 */
class MessageCountTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-01");

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();

    @Test
    void messagesAreCountedByWhenTheyWereReadAndOldMailIsNamed() {
        SeededBounces seed = new SeededBounces(jdbc);
        seed.clean();
        seed.bounce(D1.plusDays(1), "a@example.net", "hard", "userunknown", "recipient", "suppress", "gmail.com", null);
        seed.bounce(D1.minusDays(200), "b@example.net", "hard", "userunknown", "recipient", "suppress", "gmail.com", null);
        seed.bounce(D1.minusDays(10), "c@example.net", "soft", "mailboxfull", "soft", "retry", "gmail.com", null);
        jdbc.update("UPDATE bounce_message SET processed_at = ? WHERE event_time < ?", D1.plusDays(2).atTime(8, 0), D1.atStartOfDay());
        jdbc.update("UPDATE bounce_message SET processed_at = ? WHERE event_time < ?", D1.plusDays(20).atTime(8, 0),
                D1.minusDays(100).atStartOfDay());

        ReportData.Summary s = new ReportQueries(jdbc.getDataSource()).summary(new ReportPeriod(D1, D1.plusDays(6)));

        assertThat(s.messages()).as("read in the period").isEqualTo(2);
        assertThat(s.datedEarlier()).as("read in the period, dated before it").isEqualTo(1);
        assertThat(s.bounces()).as("bounces go by their own date").isEqualTo(1);
    }
}
