package io.bouncesweeper.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Help needs no settings and no server: it is printed before Spring or any connection is started. */
class HelpWithoutSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "classify --help", "evaluate --help", "report --help", "state --help", "unsuppress --help",
            "unsuppress -h", "export --help", "purge --help",
            "--job=nightly-cleanup --help"})
    void helpPrintsUsageAndExitsZero(String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer exit = CommandLine.runTool(commandLine.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--job=nightly-cleanup", "--bounce-sweeper.mode=SCHEDULER"})
    void theJobItselfIsLeftToSpring(String commandLine) {
        assertThat(CommandLine.runTool(commandLine.split(" "))).isNull();
    }
}
