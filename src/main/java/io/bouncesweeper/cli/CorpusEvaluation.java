package io.bouncesweeper.cli;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.SmtpCodes;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.FeedbackTypes;
import io.bouncesweeper.store.ReasonGroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses and classifies every file of a labeled corpus and scores the results against its manifest.
 * An expected row is paired with the produced record of the same recipient when there is one,
 * otherwise with the record at its index, so a parser that orders recipients differently is not
 * punished on every measure.
 *
 * <p>Every figure is kept for the whole corpus and for each {@link CorpusHalf}; the breakdowns by
 * reason, rule and module, meant for finding what to improve, are of half A only.
 */
final class CorpusEvaluation {

    /** One row that failed at least one measure, with what was expected and what came out. */
    record Miss(Manifest.Row row, CorpusHalf half, List<Measure> failed, String got) {
    }

    record Report(Map<Measure, Tally> overall, Map<CorpusHalf, Map<Measure, Tally>> halves,
                  Map<CorpusHalf, Integer> filesByHalf, Map<CorpusHalf, DecisionTable> decisions,
                  Map<String, Tally> byReason, Map<String, Map<Measure, Tally>> byModule,
                  Map<String, Tally> byRule, List<Miss> misses, int files, KindChanges kindChanges) {

        List<Miss> misses(CorpusHalf half) {
            return misses.stream().filter(m -> m.half() == half).toList();
        }
    }

    /** Rows counted by the label's decision (first index) and the reading's (second). */
    static final class DecisionTable {
        final int[][] counts = new int[ListDecision.values().length][ListDecision.values().length];

        void count(ListDecision expected, ListDecision got) {
            counts[expected.ordinal()][got.ordinal()]++;
        }
    }

    private final BounceParser parser;
    private final BounceClassifier classifier;
    private final ReasonGroups groups;

    CorpusEvaluation(BounceParser parser, BounceClassifier classifier) {
        this(parser, classifier, ReasonGroups.builtIn());
    }

    CorpusEvaluation(BounceParser parser, BounceClassifier classifier, ReasonGroups groups) {
        this.parser = parser;
        this.classifier = classifier;
        this.groups = groups;
    }

    Report run(Path corpus) throws IOException {
        Manifest manifest = Manifest.read(corpus.resolve("manifest.tsv"));
        Map<Measure, Tally> overall = tallies();
        Map<CorpusHalf, Map<Measure, Tally>> halves = new EnumMap<>(CorpusHalf.class);
        Map<CorpusHalf, Integer> filesByHalf = new EnumMap<>(CorpusHalf.class);
        Map<CorpusHalf, DecisionTable> decisions = new EnumMap<>(CorpusHalf.class);
        for (CorpusHalf h : CorpusHalf.values()) {
            halves.put(h, tallies());
            filesByHalf.put(h, 0);
            decisions.put(h, new DecisionTable());
        }
        Map<String, Tally> byReason = new TreeMap<>();
        Map<String, Map<Measure, Tally>> byModule = new TreeMap<>();
        Map<String, Tally> byRule = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        KindChanges kindChanges = new KindChanges();
        Map<String, List<Manifest.Row>> files = manifest.byFile();
        for (Map.Entry<String, List<Manifest.Row>> file : files.entrySet()) {
            CorpusHalf half = CorpusHalf.of(file.getKey());
            filesByHalf.merge(half, 1, Integer::sum);
            ParsedMessage parsed = parser.parse(Files.readAllBytes(corpus.resolve(file.getKey())));
            List<DeliveryRecord> records = parsed.records();
            boolean[] used = new boolean[records.size()];
            kindChanges.records(records);
            for (Manifest.Row row : file.getValue()) {
                Map<Measure, Boolean> scores = new EnumMap<>(Measure.class);
                String got;
                ListDecision expected;
                ListDecision decided;
                if (row.isNotBounce()) {
                    scores.put(Measure.NOT_BOUNCE, records.isEmpty());
                    got = records.isEmpty() ? "none" : records.size() + " record(s), first " + records.get(0).kind().code();
                    expected = ListDecision.NONE;
                    decided = strongest(records);
                } else {
                    int i = pair(row, records, used);
                    DeliveryRecord r = i < 0 ? null : records.get(i);
                    Classification c = r == null ? null : classifier.classify(r);
                    got = describe(r, c);
                    kindChanges.row(row, r);
                    score(row, r, c, scores);
                    expected = expectedDecision(row, r);
                    decided = ListDecision.ofRecord(groups, r, c);
                    if (half == CorpusHalf.A) {
                        byRule.computeIfAbsent(ruleFamily(c), k -> new Tally()).count(scores.get(Measure.REASON));
                    }
                }
                scoreDecision(expected, decided, scores);
                decisions.get(half).count(expected, decided);
                scores.forEach((m, hit) -> {
                    overall.get(m).count(hit);
                    halves.get(half).get(m).count(hit);
                });
                if (half == CorpusHalf.A) {
                    if (scores.containsKey(Measure.REASON)) {
                        byReason.computeIfAbsent(row.reason(), k -> new Tally()).count(scores.get(Measure.REASON));
                    }
                    Map<Measure, Tally> module = byModule.computeIfAbsent(row.module(), k -> new EnumMap<>(Measure.class));
                    scores.forEach((m, hit) -> module.computeIfAbsent(m, k -> new Tally()).count(hit));
                }
                List<Measure> failed = scores.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
                if (!failed.isEmpty()) {
                    misses.add(new Miss(row, half, failed, got + " | decision " + decided.label + ", label's " + expected.label));
                }
            }
        }
        return new Report(overall, halves, filesByHalf, decisions, byReason, byModule, byRule, misses, files.size(),
                kindChanges);
    }

    private static Map<Measure, Tally> tallies() {
        Map<Measure, Tally> tallies = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            tallies.put(m, new Tally());
        }
        return tallies;
    }

    /**
     * The label's decision. A row whose mail the parser reads as a delay warning, and whose label has no
     * permanent (5.x.x) status of the mail's own (Sisimai's X.0.9NN is derived from its reason), is a
     * delay warning on both sides: none.
     */
    private ListDecision expectedDecision(Manifest.Row row, DeliveryRecord paired) {
        boolean permanent = row.status().startsWith("5") && !row.hasInternalStatus();
        if (paired != null && paired.kind() == RecordKind.DELAYED && !permanent) {
            return ListDecision.NONE;
        }
        return ListDecision.of(groups, Reason.ofCode(expectedReason(row, paired)), row.status());
    }

    /**
     * The label's reason in this project's vocabulary. Sisimai labels every ARF report "feedback";
     * here the report's Feedback-Type decides (parse/feedback-types.tsv): an RFC 6591 authentication
     * failure report is the sender's authfailure, an RFC 6430 not-spam report is delivered.
     */
    private static String expectedReason(Manifest.Row row, DeliveryRecord paired) {
        if ("feedback".equals(row.reason()) && paired != null && paired.feedbackType() != null) {
            return FeedbackTypes.of(paired.feedbackType()).reason().code();
        }
        return row.reason();
    }

    /** For a mail that is no bounce: the heaviest decision any of its records would make. */
    private ListDecision strongest(List<DeliveryRecord> records) {
        ListDecision strongest = ListDecision.NONE;
        for (DeliveryRecord r : records) {
            ListDecision d = ListDecision.ofRecord(groups, r, classifier.classify(r));
            if (d.ordinal() < strongest.ordinal()) {
                strongest = d;
            }
        }
        return strongest;
    }

    private static void scoreDecision(ListDecision expected, ListDecision decided, Map<Measure, Boolean> scores) {
        scores.put(Measure.DECISION, expected == decided);
        if (expected == ListDecision.SUPPRESS) {
            scores.put(Measure.DEAD_KEPT, decided == ListDecision.SUPPRESS);
        } else {
            scores.put(Measure.GOOD_SUPPRESSED, decided != ListDecision.SUPPRESS);
        }
    }

    /** "phrase:userunknown:\"no such user\"" counts under "phrase:userunknown", "status:5.1.1" under "status". */
    private static String ruleFamily(Classification c) {
        if (c == null) {
            return "(no record)";
        }
        String rule = c.rule();
        int cut = rule.indexOf('>');
        String base = cut < 0 ? rule : rule.substring(0, cut);
        String[] parts = base.split(":", 3);
        return switch (parts[0]) {
            case "phrase", "provider", "hint", "kind" -> parts.length > 1 ? parts[0] + ":" + parts[1] : parts[0];
            default -> parts[0];
        } + (cut < 0 ? "" : " (corrected)");
    }

    private void score(Manifest.Row row, DeliveryRecord r, Classification c, Map<Measure, Boolean> scores) {
        String reason = c == null ? "" : c.reason().code();
        String expectedReason = expectedReason(row, r);
        scores.put(Measure.REASON, expectedReason.equals(reason));
        if (!row.hardBounce().isEmpty()) {
            boolean expectedHard = "1".equals(row.hardBounce());
            scores.put(Measure.HARD_SOFT, c != null && expectedHard == (c.bounceClass() == BounceClass.HARD));
        }
        if (!row.status().isEmpty() && !row.hasInternalStatus()) {
            scores.put(Measure.STATUS, c != null && row.status().equals(c.status()));
        }
        if (!row.replyCode().isEmpty()) {
            scores.put(Measure.REPLY_CODE, row.replyCode().equals(SmtpCodes.replyCode(r)));
        }
        if (!row.recipient().isEmpty()) {
            scores.put(Measure.RECIPIENT, r != null && r.recipient() != null
                    && row.recipient().equalsIgnoreCase(r.recipient().trim()));
        }
        if ("feedback".equals(expectedReason)) {
            scores.put(Measure.COMPLAINT, r != null && r.kind() == RecordKind.COMPLAINT);
        }
        if ("vacation".equals(row.reason())) {
            scores.put(Measure.AUTOREPLY, r != null && r.kind() == RecordKind.AUTOREPLY);
        }
    }

    /** Index of the record this row is about: same recipient first, else the row's position; -1 when none. */
    private static int pair(Manifest.Row row, List<DeliveryRecord> records, boolean[] used) {
        for (int i = 0; i < records.size(); i++) {
            String rcpt = records.get(i).recipient();
            if (!used[i] && rcpt != null && !row.recipient().isEmpty() && rcpt.trim().equalsIgnoreCase(row.recipient())) {
                used[i] = true;
                return i;
            }
        }
        int i = row.index() - 1;
        if (i >= 0 && i < records.size() && !used[i]) {
            used[i] = true;
            return i;
        }
        for (i = 0; i < records.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                return i;
            }
        }
        return -1;
    }

    private static String describe(DeliveryRecord r, Classification c) {
        if (r == null) {
            return "no record";
        }
        String diagnostic = r.diagnostic() == null ? "" : r.diagnostic().replaceAll("\\s+", " ");
        if (diagnostic.length() > 160) {
            diagnostic = diagnostic.substring(0, 160) + "...";
        }
        return String.format(Locale.ROOT, "%s %s %s %s hard=%s rcpt=%s rule=%s | dec=%s mta=%s cmd=%s hint=%s diag=%s",
                r.kind().code(), c.status(), SmtpCodes.replyCode(r), c.reason().code(),
                c.bounceClass() == BounceClass.HARD ? 1 : 0, r.recipient(), c.rule(), r.decoder(), r.remoteMta(), r.smtpCommand(),
                r.reasonHint(), diagnostic);
    }
}
