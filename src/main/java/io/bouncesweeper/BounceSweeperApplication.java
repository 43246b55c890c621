package io.bouncesweeper;

import io.bouncesweeper.cli.CommandLine;
import io.bouncesweeper.config.BounceSweeperProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar bounce-sweeper.jar} runs the configured job once and exits with its result:
 * 0 completed, 1 failed, 2 could not start (a missing or wrong setting, an unreachable database),
 * 3 another run is active, 4 completed with a sender-side alert (alerts.fail-run). With {@code --bounce-sweeper.mode=SCHEDULER} it keeps running and fires
 * the job definitions on their schedules. {@code classify} and {@code evaluate} are operator tools
 * that need no servers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BounceSweeperApplication {
    static final int EXIT_CANNOT_START = 2;

    public static void main(String[] args) {
        Integer exitCode = run(args);
        if (exitCode != null) {
            System.exit(exitCode);
        }
    }

    /**
     * @return the process exit code, or null in scheduler mode, where Quartz's threads keep the
     *         process alive until SIGTERM closes the context
     */
    static Integer run(String[] args) {
        Integer toolExit = CommandLine.runTool(args);
        if (toolExit != null) {
            return toolExit;
        }
        try {
            ConfigurableApplicationContext context = SpringApplication.run(BounceSweeperApplication.class, args);
            if (context.getBean(BounceSweeperProperties.class).mode() == BounceSweeperProperties.Mode.SCHEDULER) {
                return null;
            }
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            // Spring Boot has already reported why (the failure analysis names the setting)
            return EXIT_CANNOT_START;
        }
    }
}
