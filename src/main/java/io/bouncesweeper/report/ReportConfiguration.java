package io.bouncesweeper.report;

import io.bouncesweeper.job.RunStatistics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import javax.sql.DataSource;
import java.time.Clock;

/** What the job's own process does with the report's queries at the end of each run. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    @Order(1)
    SenderSideAlerts senderSideAlerts(DataSource dataSource, RunStatistics statistics) {
        return new SenderSideAlerts(new ReportQueries(dataSource), statistics);
    }

    @Bean
    @Order(2)
    RunReportWriter runReportWriter(DataSource dataSource, ReportSettings settings, Clock clock) {
        return new RunReportWriter(new ReportQueries(dataSource), settings, clock);
    }
}
