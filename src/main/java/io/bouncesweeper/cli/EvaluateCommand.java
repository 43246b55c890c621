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
 * {@code evaluate DIR [--ratchet FILE] [--write-ratchet FILE] [--misses A [--misses-file FILE]]}: scores
 * parser and classifier against a labeled corpus (manifest.tsv layout of the Sisimai samples), for the
 * whole corpus and for its two halves ({@link CorpusHalf}). The summary goes to stdout. Misses are
 * counted per half; only half A's are listed one by one ({@code --misses A}, to stderr or the file):
 * half B is the mail the rules were not tuned on, and reading its misses would tune them to it.
 *
 * <p>Exit code: 0, 1 when a figure is beyond the ratchet, 2 on a usage or I/O error.
 */
public final class EvaluateCommand {
    static final String USAGE = "usage: evaluate DIR [--ratchet FILE] [--write-ratchet FILE] [--misses A [--misses-file FILE]]\n"
            + "  Scores parser + classifier against DIR/manifest.tsv: the whole corpus and its halves A and B\n"
            + "  (CRC-32 of each file name: even A, odd B). Develop from half A's misses (--misses A); quote half B.\n"
            + "  --ratchet FILE        exit 1 when a figure is worse than FILE's (src/test/resources/eval/ratchet.properties)\n"
            + "  --write-ratchet FILE  write the current whole-corpus figures as the new ratchet\n"
            + "  --misses A            list half A's misses on stderr (half B's are only counted)\n"
            + "  --misses-file FILE    with --misses A: write the list to FILE instead";

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
        boolean listMisses = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("evaluate: " + a + " needs a value\n" + USAGE);
                    return 2;
                }
                String value = args[++i];
                switch (a) {
                    case "--ratchet" -> ratchet = Path.of(value);
                    case "--write-ratchet" -> writeRatchet = Path.of(value);
                    case "--misses-file" -> missesFile = Path.of(value);
                    case "--misses" -> {
                        if (!value.equalsIgnoreCase("A")) {
                            err.println("evaluate: --misses takes A only: half B's misses are counted, never listed"
                                    + " (it is the half the rules are not tuned on)\n" + USAGE);
                            return 2;
                        }
                        listMisses = true;
                    }
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
        if (missesFile != null && !listMisses) {
            err.println("evaluate: --misses-file needs --misses A\n" + USAGE);
            return 2;
        }
        try {
            CorpusEvaluation.Report report = new CorpusEvaluation(parser, new DefaultBounceClassifier()).run(corpus);
            printSummary(report, out);
            if (listMisses) {
                String misses = formatMisses(report.misses(CorpusHalf.A));
                if (missesFile != null) {
                    Files.writeString(missesFile, misses, StandardCharsets.UTF_8);
                    out.println("half A's misses written to " + missesFile);
                } else {
                    err.print(misses);
                }
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
        Map<CorpusHalf, Map<Measure, Tally>> halves = report.halves();
        out.printf(Locale.ROOT, "%-46s %-22s %-22s %s%n", "files: " + report.files(),
                "half A: " + report.filesByHalf().get(CorpusHalf.A), "half B: " + report.filesByHalf().get(CorpusHalf.B),
                "whole");
        for (Measure m : Measure.values()) {
            out.printf(Locale.ROOT, "%-46s %-22s %-22s %s%n", m.label, m.show(halves.get(CorpusHalf.A).get(m)),
                    m.show(halves.get(CorpusHalf.B).get(m)), m.show(report.overall().get(m)));
        }
        out.printf(Locale.ROOT, "%-46s %-22s %-22s %d%n", "rows missing any measure", report.misses(CorpusHalf.A).size(),
                report.misses(CorpusHalf.B).size(), report.misses().size());
        out.printf(Locale.ROOT, "%-46s %s%n", "kind changed by notices", report.kindChanges().line());
        out.println();
        out.println("list decision, label's (rows) against the reading's (columns):");
        for (CorpusHalf h : CorpusHalf.values()) {
            printDecisions(h, report.decisions().get(h), out);
        }
        out.println();
        out.println("half A only (develop from these; half B is quoted, not studied):");
        out.println("reason accuracy by expected reason:");
        report.byReason().forEach((reason, t) -> out.printf(Locale.ROOT, "  %-18s %s%n", reason, t));
        out.println();
        out.println("reason accuracy by deciding rule:");
        report.byRule().forEach((rule, t) -> out.printf(Locale.ROOT, "  %-34s %s%n", rule, t));
        out.println();
        out.println("by module (reason / hard-soft / status / decision):");
        report.byModule().forEach((module, m) -> out.printf(Locale.ROOT, "  %-22s %s | %s | %s | %s%n", module,
                cell(m.get(Measure.REASON)), cell(m.get(Measure.HARD_SOFT)), cell(m.get(Measure.STATUS)),
                cell(m.get(Measure.DECISION))));
    }

    private static void printDecisions(CorpusHalf half, CorpusEvaluation.DecisionTable table, PrintStream out) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  half %-18s", half));
        for (ListDecision d : ListDecision.values()) {
            head.append(String.format(Locale.ROOT, "%18s", d.label));
        }
        out.println(head);
        for (ListDecision expected : ListDecision.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-23s", expected.label));
            for (ListDecision got : ListDecision.values()) {
                line.append(String.format(Locale.ROOT, "%18d", table.counts[expected.ordinal()][got.ordinal()]));
            }
            out.println(line);
        }
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
