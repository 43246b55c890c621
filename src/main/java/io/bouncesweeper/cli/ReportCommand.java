package io.bouncesweeper.cli;

import io.bouncesweeper.report.HtmlReport;
import io.bouncesweeper.report.ReportBuilder;
import io.bouncesweeper.report.ReportData;
import io.bouncesweeper.report.ReportPeriod;
import io.bouncesweeper.report.ReportQueries;
import io.bouncesweeper.report.ReportSettings;

import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code report [--since DATE] [--until DATE] [--out FILE]}: writes the HTML report of the stored
 * bounces. Reads the database through a read-only pool, touches no mailbox and writes nothing to it.
 */
final class ReportCommand extends DatabaseCommand {
    static final String USAGE = """
            usage: report [--since DATE] [--until DATE] [--out FILE]
              Writes one self-contained HTML file (charts inlined, opens offline) about the stored bounces:
              bounces per day by class, top reasons with the operator action, top recipient domains,
              sender-side problems by provider and sending IP with advice, suppressions made and released,
              quarantined mail.
              --since DATE   first day (UTC, e.g. 2026-11-01); default: bounce-sweeper.report.days (30) before --until
              --until DATE   last day, included; default: today (UTC)
              --out FILE     where to write; default: bounce-sweeper.report.out, else bounce-sweeper-report.html
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.
              exit codes: 0 written, 1 the report could not be made, 2 usage, a missing or wrong setting, an
              unreachable database or an unwritable --out.""";
    static final Path DEFAULT_OUT = Path.of("bounce-sweeper-report.html");

    ReportCommand() {
        this(Clock.systemUTC());
    }

    ReportCommand(Clock clock) {
        super("report", Set.of("--since", "--until", "--out"), Set.of(), clock);
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    void check(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + args.positional().get(0));
        }
        date(args, "--since");
        date(args, "--until");
    }

    @Override
    int execute(Arguments args, Database db, PrintStream out, PrintStream err) throws Exception {
        ReportSettings settings = db.bind("bounce-sweeper.report", ReportSettings.class);
        LocalDate since = date(args, "--since");
        LocalDate until = date(args, "--until");
        if (until == null) {
            until = LocalDate.now(db.clock().withZone(ZoneOffset.UTC));
        }
        ReportPeriod period = since != null ? new ReportPeriod(since, until) : ReportPeriod.lastDays(settings.days(), until);
        Path file = args.value("--out") != null ? Path.of(args.value("--out"))
                : settings.out() != null ? settings.out() : DEFAULT_OUT;
        ReportData data = new ReportBuilder(new ReportQueries(db.dataSource()), db.clock()).build(period, settings.top());
        try {
            HtmlReport.write(data, file);
        } catch (NoSuchFileException e) {
            err.println("report: could not write " + file + ": " + e.getReason() + " " + e.getFile());
            return EXIT_USAGE;
        }
        ReportData.Summary s = data.summary();
        out.printf("report: wrote %s (%s to %s: %,d bounces, %,d sender-side, %,d suppressed, %,d quarantined)%n",
                file.toAbsolutePath(), period.since(), period.until(), s.bounces(), s.senderSide(),
                s.suppressed() + s.complained(), s.quarantined());
        return EXIT_OK;
    }

    private static LocalDate date(Arguments args, String option) {
        String value = args.value(option);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " wants a date like 2026-11-01, not '" + value + "'");
        }
    }
}
