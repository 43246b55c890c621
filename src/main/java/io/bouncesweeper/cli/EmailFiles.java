package io.bouncesweeper.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files a command argument stands for: the file itself, or a folder's {@code *.eml} files, recursively, sorted. */
final class EmailFiles {
    private EmailFiles() {
    }

    /** Each file with the path to print: the argument as given, or the argument joined with the file's place below it. */
    record EmailFile(Path path, String shown) {
    }

    static List<EmailFile> expand(String argument) throws IOException {
        Path root = Path.of(argument);
        if (!Files.isDirectory(root)) {
            return List.of(new EmailFile(root, argument));
        }
        List<EmailFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eml"))
                    .sorted()
                    .forEach(p -> files.add(new EmailFile(p, shown(argument, root.relativize(p)))));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private static String shown(String argument, Path relative) {
        String sep = argument.endsWith("/") ? "" : "/";
        return argument + sep + relative.toString().replace('\\', '/');
    }
}
