package io.bouncesweeper.cli;

import io.bouncesweeper.domain.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A labeled corpus's {@code manifest.tsv}: one expected result per row, in the Sisimai corpus layout. */
record Manifest(List<Row> rows) {

    /** One expected result. Empty cells are empty strings, never null. */
    record Row(String file, int index, String status, String replyCode, String reason, String hardBounce,
               String module, String recipient) {

        boolean isNotBounce() {
            return "notbounce".equals(reason);
        }

        /** X.0.9NN: Sisimai's own code derived from the reason, not one any mail carried. */
        boolean hasInternalStatus() {
            return status.matches("[245]\\.0\\.9\\d\\d");
        }
    }

    static Manifest read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 8) {
                throw new IOException(file + ":" + (i + 1) + ": expected 8 columns, found " + c.length);
            }
            rows.add(new Row(c[0], Integer.parseInt(c[1].trim()), c[2].trim(), c[3].trim(), currentWord(c[4].trim()), c[5].trim(),
                    c[6].trim(), c[7].trim()));
        }
        return new Manifest(List.copyOf(rows));
    }

    /**
     * A label in Sisimai's vocabulary of today: corpora labeled before Sisimai 5.6 say "speeding" or
     * "mesgtoobig" where the classifier now says "ratelimited" or "emailtoolarge".
     */
    static String currentWord(String label) {
        Reason former = Reason.formerWords().get(label.toLowerCase(Locale.ROOT));
        return former != null ? former.code() : label;
    }

    /** Rows grouped by file, files in manifest order. */
    Map<String, List<Row>> byFile() {
        Map<String, List<Row>> files = new LinkedHashMap<>();
        for (Row r : rows) {
            files.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
        return files;
    }
}
