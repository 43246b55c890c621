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
 * The figures the evaluation has reached, kept in the repository so that no change can worsen them
 * unnoticed: minimums, and for the measures of harm maximums. Keys are {@link Measure} keys, values
 * percentages.
 */
final class Ratchet {
    private Ratchet() {
    }

    /** Measures worse than their limit, as readable lines; empty when the report holds the line. */
    static List<String> violations(Path file, Map<Measure, Tally> overall) throws IOException {
        Properties minimums = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            minimums.load(in);
        }
        List<String> violations = new ArrayList<>();
        for (Measure m : Measure.values()) {
            String min = minimums.getProperty(m.key);
            if (min == null) {
                continue;
            }
            double figure = m.figure(overall.get(m));
            double limit = Double.parseDouble(min.trim());
            if (m.lowerIsBetter ? figure - 1e-9 > limit : figure + 1e-9 < limit) {
                violations.add(String.format(Locale.ROOT, "%s: %.2f %% is %s the ratchet's %s %%",
                        m.key, figure, m.lowerIsBetter ? "above" : "below", min.trim()));
            }
        }
        return violations;
    }

    /** Writes the current figures, rounded down to 0.01, as the new minimums. */
    static void write(Path file, Map<Measure, Tally> overall) throws IOException {
        StringBuilder sb = new StringBuilder("# Evaluation figures (percent) reached on the whole Sisimai DEV corpus: minimums,\n"
                + "# except the measures of harm (goodsuppressed, deadkept), which are maximums.\n"
                + "# Tighten them when the classifier or parser improves; never loosen them to make a build pass.\n"
                + "# Written by: evaluate DIR --write-ratchet FILE\n");
        for (Measure m : Measure.values()) {
            double figure = m.figure(overall.get(m)) * 100;
            sb.append(String.format(Locale.ROOT, "%s=%.2f%n", m.key,
                    (m.lowerIsBetter ? Math.ceil(figure - 1e-6) : Math.floor(figure + 1e-6)) / 100));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(sb.toString());
        }
    }
}
