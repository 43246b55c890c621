package io.bouncesweeper.metrics;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.job.RunStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The job's meters and its IMAP readiness check. Which registries export them is Boot's business
 * (application.yml): Prometheus scrape in scheduler mode, Pushgateway push at the end of a run-once
 * process, OTLP when switched on.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    SweepMetrics sweepMetrics(ObjectProvider<MeterRegistry> registry, DataSource dataSource, Clock clock,
                              RunStatistics statistics) {
        MeterRegistry r = registry.getIfAvailable();
        if (r == null) {
            return null;
        }
        SweepMetrics metrics = new SweepMetrics(r, new JdbcTemplate(dataSource), clock);
        statistics.observe(metrics);
        return metrics;
    }

    /** Contributes "imap" to /actuator/health (in the readiness group, see application.yml). */
    @Bean
    ImapAccountsHealthIndicator imapHealthIndicator(JobDefinitions definitions, BounceSweeperProperties properties,
                                                    HealthSettings settings) {
        return new ImapAccountsHealthIndicator(definitions, properties, settings.imapTimeout());
    }
}
