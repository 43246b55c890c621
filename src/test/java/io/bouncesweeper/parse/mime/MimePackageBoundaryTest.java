package io.bouncesweeper.parse.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** MIME reading knows nothing of bounces: the package imports no other project package, so parse depends on it and never the other way. */
class MimePackageBoundaryTest {
    private static final Path SOURCES = Path.of("src/main/java/io/bouncesweeper/parse/mime");

    @Test
    void theMimePackageImportsNothingOfTheProject() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(MimePackageBoundaryTest::lines)
                    .filter(l -> l.startsWith("import io.bouncesweeper.") && !l.startsWith("import io.bouncesweeper.parse.mime."))
                    .toList();
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void theMimeSourcesAreWhereThisTestLooks() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            assertFalse(files.noneMatch(f -> f.endsWith("MimeReader.java")));
        }
    }

    private static Stream<String> lines(Path f) {
        try {
            return Files.readAllLines(f).stream().map(String::strip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
