package io.bouncesweeper.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated table on the class path: blank lines and lines starting with '#' are
 * skipped, every other line must have exactly the expected columns. A malformed table fails at class
 * load with the resource and line in the message, so an operator's edit is never half-read.
 */
public final class TsvTable {
    /** One data line: its 1-based line number (for messages) and its columns, untrimmed. */
    public record Row(int line, String[] columns) {
        public String at(int i) {
            return columns[i].trim();
        }
    }

    private TsvTable() {
    }

    /** The rows of a built-in table, {@code resource} being its class-path name ("parse/reason-hints.tsv"). */
    public static List<Row> read(String resource, int columns) {
        if (!resource.startsWith("parse/")) {
            throw new IllegalArgumentException("not a parser table: " + resource);
        }
        return ParseTables.builtIn().rows(resource.substring("parse/".length()), columns);
    }

    /** The rows of a table's text; {@code source} names it in messages. */
    static List<Row> parse(String source, String text, int columns) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != columns) {
                throw new IllegalStateException(source + ":" + n + ": expected " + columns + " tab-separated columns");
            }
            rows.add(new Row(n, f));
        }
        return List.copyOf(rows);
    }
}
