package io.bouncesweeper.config;

import io.bouncesweeper.domain.UidRange;

import java.time.LocalDate;

/**
 * What a single run changes about its job definition, from the command line
 * ({@code --folder=Bounces/2024 --select=ALL --since=2024-01-01 --before=2025-01-01 --dry-run
 * --keep-in-place --reclassify --uid-from=1 --uid-to=500000}). Null or false means "as the definition says".
 *
 * @param reclassify re-evaluate the stored events with the current rules instead of reading mail
 * @param uidFrom    read only UIDs from this one on, in every mailbox entry of the run (one part of a split folder)
 * @param uidTo      read only UIDs up to this one
 */
public record RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                           boolean dryRun, boolean keepInPlace, boolean reclassify, Long uidFrom, Long uidTo) {
    public static final RunOverrides NONE = new RunOverrides(null, null, null, null, false, false, false);

    public RunOverrides {
        for (Long uid : new Long[]{uidFrom, uidTo}) {
            if (uid != null && (uid < 1 || uid > UidRange.MAX_UID)) {
                throw new InvalidJobDefinitionException("--uid-from and --uid-to must be between 1 and " + UidRange.MAX_UID
                        + ", not " + uid);
            }
        }
        if (uidFrom != null && uidTo != null && uidFrom > uidTo) {
            throw new InvalidJobDefinitionException("--uid-from (" + uidFrom + ") must not be above --uid-to (" + uidTo + ")");
        }
    }

    public RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                        boolean dryRun, boolean keepInPlace, boolean reclassify) {
        this(folder, select, since, before, dryRun, keepInPlace, reclassify, null, null);
    }

    public RunOverrides(String folder, JobDefinition.Selection select, LocalDate since, LocalDate before,
                        boolean dryRun, boolean keepInPlace) {
        this(folder, select, since, before, dryRun, keepInPlace, false);
    }
}
