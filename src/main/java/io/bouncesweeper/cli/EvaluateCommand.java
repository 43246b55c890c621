package io.bouncesweeper.cli;

import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.parse.BounceParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate DIR [--ratchet FILE] [--write-ratchet FILE] [--misses FILE]}: scores parser and
 * classifier against a labeled corpus (manifest.tsv layout of the Sisimai samples). The summary goes
 * to stdout, the list of misses to stderr or to the --misses file.
 *
 * <p>Exit code: 0, 1 when a figure is below the ratchet, 2 on a usage or I/O error.
 */
public final class EvaluateCommand {
    static final String USAGE = "usage: evaluate DIR [--ratchet FILE] [--write-ratchet FILE] [--misses FILE]";

    private EvaluateCommand() {
    }

    /** For running straight from the classes, without the application's main. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Parsers.defaultParser());
    }

    static int run(String[] args, PrintStream out, PrintStream err, BounceParser parser) {
        Path corpus = null;
        Path ratchet = null;
        Path writeRatchet = null;
        Path missesFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("evaluate: " + a + " needs a value\n" + USAGE);
                    return 2;
                }
                Path value = Path.of(args[++i]);
                switch (a) {
                    case "--ratchet" -> ratchet = value;
                    case "--write-ratchet" -> writeRatchet = value;
                    case "--misses" -> missesFile = value;
                    default -> {
                        err.println("evaluate: unknown option " + a + "\n" + USAGE);
                        return 2;
                    }
                }
            } else if (corpus == null) {
                corpus = Path.of(a);
            } else {
                err.println("evaluate: one corpus folder only\n" + USAGE);
                return 2;
            }
        }
        if (corpus == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            CorpusEvaluation.Report report = new CorpusEvaluation(parser, new DefaultBounceClassifier()).run(corpus);
            printSummary(report, out);
            String misses = formatMisses(report.misses());
            if (missesFile != null) {
                Files.writeString(missesFile, misses, StandardCharsets.UTF_8);
                out.println("misses written to " + missesFile);
            } else {
                err.print(misses);
            }
            if (writeRatchet != null) {
                Ratchet.write(writeRatchet, report.overall());
                out.println("ratchet written to " + writeRatchet);
            }
            if (ratchet != null) {
                List<String> violations = Ratchet.violations(ratchet, report.overall());
                violations.forEach(v -> err.println("RATCHET " + v));
                return violations.isEmpty() ? 0 : 1;
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate: " + e);
            return 2;
        }
    }

    static void printSummary(CorpusEvaluation.Report report, PrintStream out) {
        out.println("files: " + report.files());
        for (Map.Entry<Measure, Tally> e : report.overall().entrySet()) {
            out.printf(Locale.ROOT, "%-40s %s%n", e.getKey().label, e.getValue());
        }
        out.printf(Locale.ROOT, "%-40s %s%n", "kind changed by notices", report.kindChanges().line());
        out.println();
        out.println("reason accuracy by expected reason:");
        report.byReason().forEach((reason, t) -> out.printf(Locale.ROOT, "  %-18s %s%n", reason, t));
        out.println();
        out.println("reason accuracy by deciding rule:");
        report.byRule().forEach((rule, t) -> out.printf(Locale.ROOT, "  %-34s %s%n", rule, t));
        out.println();
        out.println("by module (reason / hard-soft / status):");
        report.byModule().forEach((module, m) -> out.printf(Locale.ROOT, "  %-22s %s | %s | %s%n", module,
                cell(m.get(Measure.REASON)), cell(m.get(Measure.HARD_SOFT)), cell(m.get(Measure.STATUS))));
    }

    private static String cell(Tally t) {
        return t == null ? "      -" : String.format(Locale.ROOT, "%3d/%-3d", t.hits(), t.trials());
    }

    static String formatMisses(List<CorpusEvaluation.Miss> misses) {
        StringBuilder sb = new StringBuilder();
        for (CorpusEvaluation.Miss m : misses) {
            Manifest.Row r = m.row();
            sb.append(String.format(Locale.ROOT, "MISS %s #%d [%s] expected %s %s %s hard=%s rcpt=%s (%s)%n     got %s%n",
                    r.file(), r.index(), m.failed().stream().map(x -> x.key).toList(), r.status(), r.replyCode(),
                    r.reason(), r.hardBounce(), r.recipient(), r.module(), m.got()));
        }
        return sb.toString();
    }
}
