package io.bouncesweeper.cli;

import java.util.Locale;

/** Hits out of trials for one measure. */
final class Tally {
    private int hits;
    private int trials;

    void count(boolean hit) {
        trials++;
        if (hit) {
            hits++;
        }
    }

    int hits() {
        return hits;
    }

    int trials() {
        return trials;
    }

    /** Percentage, 100 when nothing was tried (nothing failed). */
    double percent() {
        return trials == 0 ? 100.0 : 100.0 * hits / trials;
    }

    /** Percentage failed, 0 when nothing was tried. */
    double failurePercent() {
        return trials == 0 ? 0.0 : 100.0 * (trials - hits) / trials;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%6.2f %% (%d/%d)", percent(), hits, trials);
    }
}
