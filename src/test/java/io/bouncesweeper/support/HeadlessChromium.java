package io.bouncesweeper.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless on a local file, as a test's real browser (scripts/services.sh
 * installs it). Absent, a test fails where it must run (CI=true, or -Dbounce-sweeper.chromium.tests=true)
 * and is skipped, saying why, on a developer's machine.
 */
public final class HeadlessChromium {
    public static final String REQUIRED_PROPERTY = "bounce-sweeper.chromium.tests";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The installed browser; fails (CI) or skips (elsewhere) the calling test when there is none. */
    public static HeadlessChromium require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return new HeadlessChromium(found.get());
        }
        String why = "headless Chromium not found on PATH (" + String.join(", ", NAMES) + "): install Debian's "
                + "'chromium' package (scripts/services.sh does)";
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean(REQUIRED_PROPERTY)) {
            return Assertions.fail(why);
        }
        Assumptions.abort(why + "; skipped outside CI");
        return null;
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        for (String name : NAMES) {
            for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The page's DOM after its scripts ran (virtual time lets timers and animation frames run out). */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom", "--virtual-time-budget=10000"), null);
    }

    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--virtual-time-budget=10000"), png);
    }

    private String run(Path page, List<String> action, Path expectedFile) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Path log = Files.createTempFile("chromium-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
            command.addAll(action);
            command.add(page.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
            }
            if (p.exitValue() != 0 || expectedFile != null && !Files.isRegularFile(expectedFile)) {
                Assertions.fail("chromium exited " + p.exitValue() + ": " + Files.readString(log));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
