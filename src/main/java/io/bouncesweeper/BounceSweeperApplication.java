package io.bouncesweeper;

import io.bouncesweeper.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code java -jar bounce-sweeper.jar} runs the configured job once and exits with its result;
 * {@code classify} and {@code evaluate} are operator tools that need no servers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BounceSweeperApplication {
    public static void main(String[] args) {
        Integer toolExit = CommandLine.runTool(args);
        if (toolExit != null) {
            System.exit(toolExit);
        }
        System.exit(SpringApplication.exit(SpringApplication.run(BounceSweeperApplication.class, args)));
    }
}
