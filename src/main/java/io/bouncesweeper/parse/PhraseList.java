package io.bouncesweeper.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Loads a phrase list from the classpath: one lower-cased phrase a line, '#' starts a comment. */
public final class PhraseList {
    private PhraseList() {
    }

    public static List<String> load(String resource) {
        try (InputStream in = PhraseList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t.toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if {@code lowerText} contains any phrase. */
    public static boolean containsAny(String lowerText, List<String> phrases) {
        for (String p : phrases) {
            if (lowerText.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
