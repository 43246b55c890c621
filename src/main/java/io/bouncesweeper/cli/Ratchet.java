package io.bouncesweeper.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The minimum figures the evaluation has reached, kept in the repository so that no change can
 * lower them unnoticed. Keys are {@link Measure} keys, values percentages.
 */
final class Ratchet {
    private Ratchet() {
    }

    /** Measures below their minimum, as readable lines; empty when the report holds the line. */
    static List<String> violations(Path file, Map<Measure, Tally> overall) throws IOException {
        Properties minimums = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            minimums.load(in);
        }
        List<String> violations = new ArrayList<>();
        for (Measure m : Measure.values()) {
            String min = minimums.getProperty(m.key);
            if (min != null && overall.get(m).percent() + 1e-9 < Double.parseDouble(min.trim())) {
                violations.add(String.format(Locale.ROOT, "%s: %.2f %% is below the ratchet's %s %%",
                        m.key, overall.get(m).percent(), min.trim()));
            }
        }
        return violations;
    }

    /** Writes the current figures, rounded down to 0.01, as the new minimums. */
    static void write(Path file, Map<Measure, Tally> overall) throws IOException {
        StringBuilder sb = new StringBuilder("# Minimum evaluation figures (percent) reached on the Sisimai DEV corpus.\n"
                + "# Raise them when the classifier or parser improves; never lower them to make a build pass.\n"
                + "# Written by: evaluate DIR --write-ratchet FILE\n");
        for (Measure m : Measure.values()) {
            sb.append(String.format(Locale.ROOT, "%s=%.2f%n", m.key, Math.floor(overall.get(m).percent() * 100) / 100));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(sb.toString());
        }
    }
}
