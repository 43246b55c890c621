package io.bouncesweeper.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bounce-sweeper.tables-dir}: the operator's folder of rule tables, read before the built-in
 * ones. Its {@code classify/} subfolder holds files named like {@code src/main/resources/classify/}
 * ({@code phrases.tsv}, {@code providers.tsv} ...), its {@code parse/} subfolder files named like
 * {@code src/main/resources/parse/} ({@code decoders.tsv} ...). A row of the operator's file is tried
 * before the built-in rows, so it adds or overrides without a rebuild. Unset: the built-in tables only.
 * Validated at start with the other settings ({@link BounceSweeperProperties#isTablesDirUsable}).
 */
public record TableFolders(String tablesDir) {
    static final String CLASSIFY = "classify";
    static final String PARSE = "parse";

    /** Unset, or an existing folder with a classify/ or parse/ subfolder. */
    public boolean isUsable() {
        if (tablesDir == null || tablesDir.isBlank()) {
            return true;
        }
        Path dir = Path.of(tablesDir);
        return Files.isDirectory(dir) && (Files.isDirectory(dir.resolve(CLASSIFY)) || Files.isDirectory(dir.resolve(PARSE)));
    }

    /** The classifier's override folder, when the setting names one that has it. */
    public Optional<Path> classify() {
        return sub(CLASSIFY);
    }

    /** The parser's override folder, when the setting names one that has it. */
    public Optional<Path> parse() {
        return sub(PARSE);
    }

    private Optional<Path> sub(String name) {
        if (tablesDir == null || tablesDir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(tablesDir).resolve(name);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
