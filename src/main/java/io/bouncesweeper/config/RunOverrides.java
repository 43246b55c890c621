package io.bouncesweeper.config;

import java.time.LocalDate;

/**
 * What a single run changes about its job definition, from the command line
 * ({@code --folder=Bounces/2024 --select=ALL --since=2024-01-01 --before=2025-01-01 --dry-run
 * --keep-in-place}). Null or false means "as the definition says".
 */
public record RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                           boolean dryRun, boolean keepInPlace) {
    public static final RunOverrides NONE = new RunOverrides(null, null, null, null, false, false);
}
