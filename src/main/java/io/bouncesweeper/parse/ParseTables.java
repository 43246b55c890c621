package io.bouncesweeper.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parser's tables come from ({@code src/main/resources/parse/}), like the classifier's
 * {@code TableSource}: a table is read from every layer that has it, the operator's folders
 * first, so an operator's rows are tried before the built-in ones (the first match wins) and a
 * registry row or signature is added without a rebuild. A malformed row fails construction with
 * the file and line.
 */
public final class ParseTables {
    private static final String CLASSPATH_FOLDER = "parse/";
    private static final ParseTables BUILT_IN = new ParseTables(List.of());

    private final List<Path> operatorFolders;

    private ParseTables(List<Path> operatorFolders) {
        this.operatorFolders = List.copyOf(operatorFolders);
    }

    /** The tables shipped in the jar. */
    public static ParseTables builtIn() {
        return BUILT_IN;
    }

    /** Folders holding files named like the built-in ones ({@code decoders.tsv}, {@code reason-hints.tsv} ...), read first. */
    public static ParseTables withOverrides(Path... folders) {
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new IllegalArgumentException("parser table folder " + f + " is not a readable directory");
            }
        }
        return new ParseTables(List.of(folders));
    }

    /** Whether this source is the built-in tables alone. */
    public boolean isBuiltIn() {
        return operatorFolders.isEmpty();
    }

    /** Every layer's rows of the table, operator layers first; each row must have exactly {@code columns} columns. */
    public List<TsvTable.Row> rows(String name, int columns) {
        List<TsvTable.Row> rows = new ArrayList<>();
        for (Path folder : operatorFolders) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    rows.addAll(TsvTable.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), columns));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read parser table " + file, e);
                }
            }
        }
        String resource = CLASSPATH_FOLDER + name;
        try (InputStream in = ParseTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            rows.addAll(TsvTable.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), columns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in parser table " + resource, e);
        }
        return List.copyOf(rows);
    }
}
