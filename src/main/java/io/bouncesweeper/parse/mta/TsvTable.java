package io.bouncesweeper.parse.mta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated table on the class path: blank lines and lines starting with '#' are
 * skipped, every other line must have exactly the expected columns. A malformed table fails at class
 * load with the resource and line in the message, so an operator's edit is never half-read.
 */
final class TsvTable {
    /** One data line: its 1-based line number (for messages) and its columns, untrimmed. */
    record Row(int line, String[] columns) {
        String at(int i) {
            return columns[i].trim();
        }
    }

    private TsvTable() {
    }

    static List<Row> read(String resource, int columns) {
        try (InputStream in = TsvTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != columns) {
                    throw new IllegalStateException(resource + ":" + n + ": expected " + columns + " tab-separated columns");
                }
                rows.add(new Row(n, f));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
