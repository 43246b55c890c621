package io.bouncesweeper.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HTML report ({@code bounce-sweeper.report.*}).
 *
 * @param out  when set, every run writes the report to this file at its end (replacing the last one)
 * @param days how many days, up to today, a report covers when no --since is given
 * @param top  rows of the "top" charts (reasons, domains, providers, sending IPs)
 */
@Validated
@ConfigurationProperties("bounce-sweeper.report")
public record ReportSettings(
        Path out,
        @Min(1) @Max(ReportPeriod.MAX_DAYS) @DefaultValue("30") int days,
        @Min(1) @Max(100) @DefaultValue("10") int top) {

    public static ReportSettings defaults() {
        return new ReportSettings(null, 30, 10);
    }

    @AssertTrue(message = "bounce-sweeper.report.out must be a file in an existing directory")
    public boolean isOutInAnExistingDirectory() {
        if (out == null) {
            return true;
        }
        Path dir = out.toAbsolutePath().getParent();
        return dir != null && Files.isDirectory(dir) && !Files.isDirectory(out);
    }
}
