package io.bouncesweeper.config;

import java.time.LocalDate;

/**
 * What a single run changes about its job definition, from the command line
 * ({@code --folder=Bounces/2024 --select=ALL --since=2024-01-01 --before=2025-01-01 --dry-run
 * --keep-in-place --reclassify}). Null or false means "as the definition says".
 *
 * @param reclassify re-evaluate the stored events with the current rules instead of reading mail
 */
public record RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                           boolean dryRun, boolean keepInPlace, boolean reclassify) {
    public static final RunOverrides NONE = new RunOverrides(null, null, null, null, false, false, false);

    public RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                        boolean dryRun, boolean keepInPlace) {
        this(folder, select, since, before, dryRun, keepInPlace, false);
    }
}
