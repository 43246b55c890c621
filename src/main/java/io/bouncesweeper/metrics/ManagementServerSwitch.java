package io.bouncesweeper.metrics;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Only scheduler mode serves HTTP (the management port: health and Prometheus): a run-once process
 * (cron, CronJob) starts no web server at all, so it starts as fast as before and binds no port.
 * Runs after the configuration files are read; an explicit {@code spring.main.web-application-type}
 * wins.
 */
public class ManagementServerSwitch implements EnvironmentPostProcessor, Ordered {
    static final String WEB_TYPE = "spring.main.web-application-type";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("bounce-sweeper.mode", "RUN_ONCE");
        if (!"SCHEDULER".equalsIgnoreCase(mode.trim()) && !environment.containsProperty(WEB_TYPE)) {
            environment.getPropertySources().addLast(new MapPropertySource("bounce-sweeper-run-once",
                    Map.of(WEB_TYPE, "none")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
