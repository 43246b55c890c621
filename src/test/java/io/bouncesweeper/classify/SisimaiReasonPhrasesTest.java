package io.bouncesweeper.classify;

import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.smtp.Squash;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixed string taken over from a Sisimai Reason module's phrase index (phrases.tsv, blocks
 * marked "source: Sisimai::Reason::...") decides its reason when a server writes it inside a reply.
 */
class SisimaiReasonPhrasesTest {
    private static final TableSource TABLES = TableSource.builtIn();
    private static final PhraseTable PHRASES = new PhraseTable(TABLES.read(PhraseTable.TABLE),
            new ReasonProfiles(TABLES.read(ReasonProfiles.TABLE)));

    @Test
    void eachSisimaiPhraseNamesItsReason() throws IOException {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String[] row : rows()) {
            rows++;
            Verdict v = PHRASES.match(Squash.lowered(row[2]));
            Reason expected = Reason.ofCode(row[1]);
            if (v == null || v.reason() != expected || v.weak()) {
                wrong.add(row[0] + ": \"" + row[2] + "\" -> " + (v == null ? "no phrase" : v.rule() + (v.weak() ? " (weak)" : "")));
            }
        }
        assertTrue(rows > 150, "rows read: " + rows);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + rows + " not decided by their reason:\n" + String.join("\n", wrong));
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SisimaiReasonPhrasesTest.class.getResourceAsStream("/sisimai-reason/phrases.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3) {
                    throw new IllegalStateException("three columns expected: " + line);
                }
                out.add(cols);
            }
        }
        return out;
    }
}
