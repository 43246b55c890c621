package io.bouncesweeper.report;

import io.bouncesweeper.cli.CommandLine;

import io.bouncesweeper.support.HeadlessChromium;
import io.bouncesweeper.support.MigratedDatabase;
import io.bouncesweeper.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as an operator opens it: known bounces seeded in MariaDB, the {@code report} command
 * writes the page, headless Chromium runs its scripts, and what each chart drew must equal the seed.
 * Leaves target/report/report.html and target/report/report.png to look at.
 */
class ReportChromiumTest {
    private static final Path OUT = Path.of("target/report/report.html");
    private static final Path SCREENSHOT = Path.of("target/report/report.png");
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    private static final Pattern RENDERED = Pattern.compile(
            "<script type=\"application/json\" id=\"rendered\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STATE = Pattern.compile("<body data-report-state=\"([^\"]*)\"");

    private final JdbcTemplate jdbc = MigratedDatabase.jdbc();
    private final SeededBounces seed = new SeededBounces(jdbc);

    @BeforeEach
    void seedKnownBounces() throws Exception {
        Files.createDirectories(OUT.getParent());
        seed.clean();
        // outside the period: must not count anywhere
        seed.bounce(D1.minusDays(10), "old@example.com", "hard", "userunknown", "recipient", "remove", "example.com", null);
        // day 2: three hard unknown users, one full mailbox
        seed.bounce(D1.plusDays(1), "a@example.com", "hard", "userunknown", "recipient", "remove", "example.com", null);
        seed.bounce(D1.plusDays(1), "b@example.com", "hard", "userunknown", "recipient", "remove", "example.com", null);
        seed.bounce(D1.plusDays(1), "c@example.net", "hard", "userunknown", "recipient", "remove", "example.net", null);
        seed.bounce(D1.plusDays(1), "d@example.com", "soft", "mailboxfull", "soft", "retry-and-notify", "example.com", null);
        // day 4: Microsoft bans the sending IP (5.7.606), Gmail rate-limits it (4.7.28)
        for (String who : List.of("e", "f", "g", "h")) {
            seed.bounce(D1.plusDays(3), who + "@hotmail.com", "soft", "blocked", "sender", "request-delisting",
                    "outlook.com", "192.0.2.33");
        }
        seed.bounce(D1.plusDays(3), "i@gmail.com", "soft", "ratelimited", "sender", "slow-down", "google.com", "198.51.100.7");
        seed.bounce(D1.plusDays(3), "j@gmail.com", "soft", "ratelimited", "sender", "slow-down", "google.com", "198.51.100.7");
        // day 6: an unknown host, and a spam verdict without a named IP
        seed.bounce(D1.plusDays(5), "k@example.org", "hard", "hostunknown", "recipient", "remove", "example.org", null);
        seed.bounce(D1.plusDays(5), "l@gmail.com", "soft", "spamdetected", "sender", "review-content", "google.com", null);
        seed.quarantined(D1.plusDays(2), "no delivery report found");
        seed.quarantined(D1.plusDays(5), "broken MIME <script>window.pwned=1</script>");
        seed.state("a@example.com", "suppressed", D1.plusDays(1));
        seed.state("b@example.com", "suppressed", D1.plusDays(1));
        seed.state("c@example.net", "suppressed", D1.plusDays(1));
        seed.state("k@example.org", "suppressed", D1.plusDays(5));
        seed.state("m@example.com", "complained", D1.plusDays(4));
        seed.state("n@example.com", "active", D1.plusDays(4));
    }

    @Test
    void theChartsShowTheSeededCountsInARealBrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        recordOneRelease();

        assertThat(runReport()).isZero();
        String page = Files.readString(OUT);
        assertThat(page).as("self-contained: no external script or style").doesNotContain("<script src", "<link ");

        String dom = chromium.dumpDom(OUT);
        assertThat(state(dom)).isEqualTo("rendered");
        JsonNode charts = rendered(dom);

        JsonNode daily = charts.get("chart-daily");
        assertThat(texts(daily.get("categories"))).hasSize(7).startsWith("2026-11-01").endsWith("2026-11-07");
        assertThat(series(daily, "hard")).containsExactly(0L, 3L, 0L, 0L, 0L, 1L, 0L);
        assertThat(series(daily, "soft")).containsExactly(0L, 1L, 0L, 6L, 0L, 1L, 0L);

        JsonNode reasons = charts.get("chart-reasons");
        assertThat(texts(reasons.get("categories"))).startsWith("blocked · request-delisting", "userunknown · remove");
        assertThat(series(reasons, "events")).startsWith(4L, 3L, 2L);

        JsonNode domains = charts.get("chart-domains");
        assertThat(texts(domains.get("categories"))).startsWith("hotmail.com", "example.com", "gmail.com");
        assertThat(series(domains, "hard")).startsWith(0L, 2L, 0L);
        assertThat(series(domains, "soft")).startsWith(4L, 1L, 3L);

        JsonNode providers = charts.get("chart-sender-providers");
        assertThat(texts(providers.get("categories"))).containsExactly("outlook.com", "google.com");
        assertThat(series(providers, "by receiving provider")).containsExactly(4L, 3L);
        JsonNode ips = charts.get("chart-sender-ips");
        assertThat(texts(ips.get("categories"))).containsExactly("192.0.2.33", "198.51.100.7");
        assertThat(series(ips, "by sending IP")).containsExactly(4L, 2L);

        JsonNode suppressions = charts.get("chart-suppressions");
        assertThat(series(suppressions, "suppressed")).containsExactly(0L, 3L, 0L, 0L, 0L, 1L, 0L);
        assertThat(series(suppressions, "complained")).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L);
        assertThat(series(suppressions, "released")).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L);

        JsonNode quarantine = charts.get("chart-quarantine");
        assertThat(series(quarantine, "quarantined")).containsExactly(0L, 0L, 1L, 0L, 0L, 1L, 0L);

        for (String id : List.of("chart-daily", "chart-reasons", "chart-domains", "chart-sender-providers",
                "chart-sender-ips", "chart-suppressions", "chart-quarantine")) {
            assertThat(charts.get(id).get("svgPaths").asInt()).as(id + " drew SVG shapes").isPositive();
        }
        assertThat(texts(domains.get("svgTexts"))).as("axis labels drawn").contains("example.com", "hotmail.com");

        // the summary and the advice reach the page as text
        assertThat(dom).contains("sending IP banned: request delisting", "sending rate too high: slow down",
                "review content and SPF/DKIM/DMARC alignment", "Needs attention");
        // mail-derived text is shown, never run or parsed as markup
        assertThat(dom).contains("broken MIME &lt;script&gt;window.pwned=1&lt;/script&gt;")
                .doesNotContain("<script>window.pwned");

        chromium.screenshot(OUT, SCREENSHOT, 1280, 2000);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }

    private int runReport() {
        TestDatabase db = TestDatabase.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.runTool(new String[]{"report", "--since", "2026-11-01", "--until=2026-11-07", "--out", OUT.toString(),
                        "--bounce-sweeper.db.url=" + db.url(), "--bounce-sweeper.db.user=" + db.user(),
                        "--bounce-sweeper.db.password=" + (db.password() == null ? "" : db.password())},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("12 bounces", "7 sender-side", "5 suppressed",
                "2 quarantined");
        return exit;
    }

    /** An operator's release (sql V5's recipient_override) on day 5. */
    private void recordOneRelease() {
        jdbc.update("DELETE FROM " + ReportQueries.RELEASES_TABLE);
        jdbc.update("INSERT INTO " + ReportQueries.RELEASES_TABLE + " (recipient, reason, released_status, created_at) "
                + "VALUES ('n@example.com', 'suppressed by mistake', 'suppressed', ?)", D1.plusDays(4).atTime(15, 0));
    }

    private static String state(String dom) {
        Matcher m = STATE.matcher(dom);
        assertThat(m.find()).as("body carries data-report-state").isTrue();
        return m.group(1);
    }

    private static JsonNode rendered(String dom) {
        Matcher m = RENDERED.matcher(dom);
        assertThat(m.find()).as("the page wrote #rendered").isTrue();
        return JsonMapper.builder().build().readTree(m.group(1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    private static List<Long> series(JsonNode chart, String name) {
        for (JsonNode s : chart.get("series")) {
            if (name.equals(s.get("name").asString())) {
                List<Long> values = new ArrayList<>();
                s.get("data").forEach(v -> values.add(v.asLong()));
                return values;
            }
        }
        throw new AssertionError("no series '" + name + "' in " + chart);
    }
}
