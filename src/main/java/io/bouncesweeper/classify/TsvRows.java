package io.bouncesweeper.classify;

import java.util.ArrayList;
import java.util.List;

/** Rows of a tab-separated table: '#' comments and blank lines skipped, short rows reported with their line. */
final class TsvRows {
    private TsvRows() {
    }

    record Row(String table, int line, String[] cells) {
        String cell(int i) {
            return cells[i].trim();
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(table + ":" + line + ": " + message);
        }
    }

    static List<Row> parse(String table, List<String> texts, int columns) {
        List<Row> rows = new ArrayList<>();
        for (String text : texts) {
            String[] lines = text.split("\r?\n|\r");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Row row = new Row(table, i + 1, cells);
                if (cells.length < columns) {
                    throw row.error("expected " + columns + " tab-separated columns, found " + cells.length);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
