package io.bouncesweeper;

import io.bouncesweeper.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code java -jar bounce-sweeper.jar} runs the configured job once and exits with its result:
 * 0 completed, 1 failed, 2 could not start (a missing or wrong setting, an unreachable database),
 * 3 another run is active. {@code classify} and {@code evaluate} are operator tools that need no
 * servers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BounceSweeperApplication {
    static final int EXIT_CANNOT_START = 2;

    public static void main(String[] args) {
        Integer toolExit = CommandLine.runTool(args);
        if (toolExit != null) {
            System.exit(toolExit);
        }
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(BounceSweeperApplication.class, args));
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (the failure analysis names the setting)
            exitCode = EXIT_CANNOT_START;
        }
        System.exit(exitCode);
    }
}
