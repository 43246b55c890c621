package io.bouncesweeper.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bouncesweeper.store.RecipientStatus;
import io.bouncesweeper.store.SuppressionList;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code export [--format csv|json] [--state suppressed,complained] [--since DATE] [--out FILE]}: the
 * suppression list for the list manager that sends the mail (listmonk, Mautic, Mailman ... import
 * a CSV of addresses): address, state, reason, since. CSV through Jackson's CSV writer, with cells
 * that a spreadsheet would run as a formula defused; JSON as an array of objects.
 */
final class ExportCommand extends DatabaseCommand {
    static final String USAGE = """
            usage: export [--format csv|json] [--state suppressed,complained] [--since DATE] [--out FILE]
              Writes the suppression list: one row per address with its state, reason and since (UTC, ISO-8601),
              in address order, for the list manager that sends the mail. Reads only.
              --format csv|json  csv (default: a header row, then address,state,reason,since) or json (an array)
              --state LIST       the states to export, comma-separated; default suppressed,complained
                                 (also: soft_bouncing, active)
              --since DATE       only addresses whose state dates from this day (UTC, e.g. 2026-11-01) or later
              --out FILE         write to FILE (replaced as a whole when complete); default: standard output
              In CSV a cell starting with = + - @, a tab or a carriage return gets a leading ' so that no
              spreadsheet runs it as a formula (OWASP "CSV injection"); JSON is written unchanged.
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.
              exit codes: 0 written (also when empty), 1 could not write, 2 usage, a missing setting or an
              unreachable database.""";

    ExportCommand() {
        this(Clock.systemUTC());
    }

    ExportCommand(Clock clock) {
        super("export", Set.of("--format", "--state", "--since", "--out"), Set.of(), clock);
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    void check(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + args.positional().get(0));
        }
        format(args);
        states(args);
        since(args);
    }

    @Override
    int execute(Arguments args, Database db, PrintStream out, PrintStream err) throws IOException {
        Path file = args.value("--out") == null ? null : Path.of(args.value("--out"));
        SuppressionList list = new SuppressionList(db.dataSource());
        if (file == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(list, args, w);
            w.flush();
            return EXIT_OK;
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("export: cannot write " + file + ": no directory " + dir);
            return EXIT_USAGE;
        }
        Path partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        try {
            long n;
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                n = write(list, args, w);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf("export: wrote %,d address(es) to %s%n", n, target);
            return EXIT_OK;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static long write(SuppressionList list, Arguments args, Writer w) {
        boolean csv = format(args).equals("csv");
        // the caller closes the target: standard output stays open
        ObjectWriter writer;
        if (csv) {
            CsvMapper mapper = CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
            writer = mapper.writer(mapper.schemaFor(Row.class).withHeader());
        } else {
            writer = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build().writerWithDefaultPrettyPrinter();
        }
        try (SequenceWriter rows = csv ? writer.writeValues(w) : writer.writeValuesAsArray(w)) {
            return list.forEach(states(args), since(args), e -> rows.write(csv ? Row.of(e).defused() : Row.of(e)));
        }
    }

    private static String format(Arguments args) {
        String f = args.value("--format") == null ? "csv" : args.value("--format").trim().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("--format is csv or json, not '" + args.value("--format") + "'");
        }
        return f;
    }

    private static Set<RecipientStatus> states(Arguments args) {
        if (args.value("--state") == null) {
            return SuppressionList.SUPPRESSING;
        }
        Set<RecipientStatus> states = EnumSet.noneOf(RecipientStatus.class);
        for (String s : args.value("--state").split(",")) {
            try {
                states.add(RecipientStatus.ofCode(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--state: '" + s.trim() + "' is none of "
                        + Arrays.stream(RecipientStatus.values()).map(RecipientStatus::code).collect(Collectors.joining(", ")));
            }
        }
        return states;
    }

    private static Instant since(Arguments args) {
        String v = args.value("--since");
        try {
            return v == null ? null : LocalDate.parse(v.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since wants a date like 2026-11-01, not '" + v + "'");
        }
    }

    /** One exported row; {@code since} as ISO-8601 UTC text in both formats. */
    @JsonPropertyOrder({"address", "state", "reason", "since"})
    record Row(String address, String state, String reason, String since) {
        static Row of(SuppressionList.Entry e) {
            return new Row(e.address(), e.state(), e.reason(), e.since() == null ? null : e.since().toString());
        }

        Row defused() {
            return new Row(defuse(address), defuse(state), defuse(reason), since);
        }

        /** A spreadsheet runs a cell starting with one of these as a formula: a leading ' makes it text. */
        static String defuse(String cell) {
            return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        }
    }
}
