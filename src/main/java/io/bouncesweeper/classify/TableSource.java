package io.bouncesweeper.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the classifier's tables come from. A table is read from every layer that has it, the
 * operator's layers first, so an operator extends or overrides the built-in rows without a rebuild:
 * the first matching row wins.
 */
public final class TableSource {
    private static final String CLASSPATH_FOLDER = "/classify/";

    private final Map<String, String> givenTexts;
    private final List<Path> operatorFolders;
    private final boolean builtIn;

    private TableSource(Map<String, String> givenTexts, List<Path> operatorFolders, boolean builtIn) {
        this.givenTexts = Map.copyOf(givenTexts);
        this.operatorFolders = List.copyOf(operatorFolders);
        this.builtIn = builtIn;
    }

    /** The tables shipped in the jar. */
    public static TableSource builtIn() {
        return new TableSource(Map.of(), List.of(), true);
    }

    /**
     * Tables given as readers, keyed by file name (e.g. {@code "phrases.tsv"}), read before the
     * built-in rows: for tables kept in a database or a configuration service. The readers are read
     * and closed here.
     */
    public static TableSource withOverrides(Map<String, ? extends Reader> tables) {
        Map<String, String> texts = new HashMap<>();
        tables.forEach((name, reader) -> texts.put(name, slurp(reader)));
        return new TableSource(texts, List.of(), true);
    }

    /** The operator's folder(s) holding files named like the built-in ones, read before the built-in rows. */
    public static TableSource withOverrides(Path... folders) {
        return new TableSource(Map.of(), List.of(folders), true);
    }

    /** Only the given folders: for tests and for an operator who replaces the tables whole. */
    public static TableSource only(Path... folders) {
        return new TableSource(Map.of(), List.of(folders), false);
    }

    /** Every layer's text of the table, operator layers first; empty when no layer has it. */
    List<String> read(String name) {
        List<String> texts = new ArrayList<>();
        if (givenTexts.containsKey(name)) {
            texts.add(givenTexts.get(name));
        }
        for (Path folder : operatorFolders) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read classifier table " + file, e);
                }
            }
        }
        if (builtIn) {
            try (InputStream in = TableSource.class.getResourceAsStream(CLASSPATH_FOLDER + name)) {
                if (in != null) {
                    texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in classifier table " + name, e);
            }
        }
        return texts;
    }

    private static String slurp(Reader reader) {
        try (reader) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
