package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the parser against the labeled Sisimai corpus (read in place, never copied). Run
 * {@code main} (or {@link CorpusScoreTest}) to print the figures and the misses per module.
 */
public final class CorpusScore {
    /** Where the corpus lives relative to the project root. */
    public static final Path CORPUS = Path.of("..", "shared", "corpus", "sisimai");

    record Row(String file, int index, String status, String replyCode, String reason, String lhost, String recipient) {
        boolean realStatus() {
            return !status.isEmpty() && !status.matches("\\d\\.0\\.9\\d\\d");
        }

        RecordKind expectedKind() {
            return switch (reason) {
                case "feedback" -> RecordKind.COMPLAINT;
                case "vacation" -> RecordKind.AUTOREPLY;
                case "delivered" -> RecordKind.DELIVERED;
                case "notbounce" -> null;
                default -> RecordKind.BOUNCE;
            };
        }
    }

    /** Counters: hits and totals per measure, misses listed per module. */
    static final class Score {
        int rows, rcptHit, rcptTotal, statusHit, statusTotal, replyHit, replyTotal, kindHit, hintSet, hintAgree;
        final List<String> hintMisses = new ArrayList<>();
        final Map<String, Integer> decoders = new TreeMap<>();
        final Map<String, List<String>> misses = new TreeMap<>();

        void miss(Row r, String what) {
            misses.computeIfAbsent(r.lhost, k -> new ArrayList<>()).add(r.file + "#" + r.index + " " + what);
        }

        double pct(int hit, int total) {
            return total == 0 ? 100 : 100.0 * hit / total;
        }

        String summary() {
            return String.format("rows=%d recipient=%.1f%% (%d/%d) status=%.1f%% (%d/%d) replyCode=%.1f%% (%d/%d) kind=%.1f%% (%d/%d) reasonHint agrees %d/%d",
                    rows, pct(rcptHit, rcptTotal), rcptHit, rcptTotal, pct(statusHit, statusTotal), statusHit, statusTotal,
                    pct(replyHit, replyTotal), replyHit, replyTotal, pct(kindHit, rows), kindHit, rows, hintAgree, hintSet);
        }
    }

    static boolean available() {
        return Files.isRegularFile(CORPUS.resolve("manifest.tsv"));
    }

    static List<Row> manifest() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[6], f.length > 7 ? f[7] : ""));
        }
        return rows;
    }

    static Map<String, byte[]> emails(List<Row> rows) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            if (!out.containsKey(r.file)) {
                out.put(r.file, Files.readAllBytes(CORPUS.resolve(r.file)));
            }
        }
        return out;
    }

    static Score score(BounceParser parser) throws IOException {
        return score(parser, false);
    }

    /** @param crlf score the mails with CRLF line ends, as IMAP delivers them (the corpus is stored with LF) */
    static Score score(BounceParser parser, boolean crlf) throws IOException {
        List<Row> rows = manifest();
        Map<String, byte[]> mails = emails(rows);
        if (crlf) {
            mails.replaceAll((f, b) -> toCrlf(b));
        }
        Map<String, ParsedMessage> parsed = new HashMap<>();
        mails.forEach((f, b) -> parsed.put(f, parser.parse(b)));
        Score s = new Score();
        for (Row r : rows) {
            s.rows++;
            ParsedMessage m = parsed.get(r.file);
            List<DeliveryRecord> recs = m.records();
            RecordKind kind = r.expectedKind();
            if (kind == null) {
                boolean ok = m.outcome() == ParseOutcome.NOT_A_REPORT || recs.stream().noneMatch(x -> x.kind() == RecordKind.BOUNCE);
                if (ok) s.kindHit++; else s.miss(r, "expected no bounce, got " + recs);
                continue;
            }
            DeliveryRecord rec = recs.stream().filter(x -> x.recipient() != null && x.recipient().equalsIgnoreCase(r.recipient))
                    .findFirst().orElse(recs.size() >= r.index ? recs.get(r.index - 1) : recs.isEmpty() ? null : recs.get(0));
            String tag = rec == null ? "[" + m.outcome() + " " + m.error() + "]" : "[" + rec.decoder() + "]";
            boolean placeholder = r.recipient.startsWith("undisclosed-recipient-in-headers@");
            if (!placeholder) {
                s.rcptTotal++;
                if (rec != null && r.recipient.equalsIgnoreCase(rec.recipient())) s.rcptHit++;
                else s.miss(r, tag + " recipient want " + r.recipient + " got " + (rec == null ? null : rec.recipient()));
            }
            if (r.realStatus()) {
                s.statusTotal++;
                if (rec != null && r.status.equals(rec.status())) s.statusHit++;
                else s.miss(r, tag + " status want " + r.status + " got " + (rec == null ? null : rec.status())
                        + (rec == null ? "" : " diag=" + abbreviate(rec.diagnostic())));
            }
            if (!r.replyCode.isEmpty() || kind == RecordKind.BOUNCE) {
                s.replyTotal++;
                String want = r.replyCode.isEmpty() ? null : r.replyCode;
                String got = rec == null ? null : rec.replyCode();
                if (java.util.Objects.equals(want, got)) s.replyHit++;
                else s.miss(r, tag + " reply want " + want + " got " + got
                        + (rec == null ? "" : " diag=" + abbreviate(rec.diagnostic())));
            }
            if (rec != null) s.decoders.merge(rec.decoder(), 1, Integer::sum);
            if (rec != null && rec.reasonHint() != null) {
                s.hintSet++;
                // Sisimai labels every ARF report "feedback"; an RFC 6591 auth-failure report is read here as the
                // sender's authfailure (parse/feedback-types.tsv), as evaluate reads that label through the report's type
                boolean authFailureReport = "feedback".equals(r.reason) && "authfailure".equals(rec.reasonHint());
                if (rec.reasonHint().equals(r.reason) || authFailureReport) s.hintAgree++;
                else s.hintMisses.add(r.file + "#" + r.index + " hint " + rec.reasonHint() + " expected " + r.reason);
            }
            if (rec != null && (rec.kind() == kind || kind == RecordKind.BOUNCE
                    && (rec.kind() == RecordKind.DELAYED || rec.kind() == RecordKind.COPY))) s.kindHit++; // Sisimai counts delays and postmaster copies as bounces
            else s.miss(r, tag + " kind want " + kind + " got " + (rec == null ? null : rec.kind()));
        }
        return s;
    }

    static byte[] toCrlf(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length + b.length / 20);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) out.write('\r');
            out.write(b[i]);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 110 ? s.substring(0, 110) + "…" : s;
    }

    public static void main(String[] args) throws IOException {
        List<String> opts = List.of(args);
        Score s = score(new DefaultBounceParser(), opts.contains("-crlf"));
        boolean verbose = opts.contains("-v");
        s.misses.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(e -> {
            System.out.println(e.getKey() + ": " + e.getValue().size() + " misses");
            if (verbose) e.getValue().forEach(x -> System.out.println("    " + x));
        });
        if (verbose) {
            s.hintMisses.forEach(x -> System.out.println("hint: " + x));
            System.out.println("rows by decoder: " + s.decoders);
        }
        System.out.println(s.summary());
    }
}
