package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reason hints from {@code parse/reason-hints.tsv}: phrases a mail server uses for its own
 * verdicts. Reason words are checked against {@link Reason} at load time so a typo fails fast.
 */
final class ReasonHints {
    private record Hint(String family, String phrase, String reason) {
    }

    private static final List<Hint> HINTS = load("parse/reason-hints.tsv");

    private ReasonHints() {
    }

    /** The reason the first matching phrase of {@code family} (or of "*") names, or null. */
    static String find(String family, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return findLower(family, text.toLowerCase(Locale.ROOT), text.length());
    }

    /** As {@link #find} over lower-case text, matching only phrases that start before {@code limit}. */
    static String findLower(String family, String lower, int limit) {
        for (Hint h : HINTS) {
            if (h.family.equals(family) || h.family.equals("*")) {
                int i = lower.indexOf(h.phrase);
                if (i >= 0 && i < limit) {
                    return h.reason;
                }
            }
        }
        return null;
    }

    private static List<Hint> load(String resource) {
        try (InputStream in = ReasonHints.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            List<Hint> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException(resource + ":" + n + ": expected 3 tab-separated columns");
                }
                String reason = Reason.ofCode(f[2]).code();
                out.add(new Hint(f[0].trim(), f[1].trim().toLowerCase(Locale.ROOT), reason));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
