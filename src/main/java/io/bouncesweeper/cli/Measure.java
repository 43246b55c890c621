package io.bouncesweeper.cli;

import java.util.Locale;

/**
 * What the evaluation scores; the key is the name used in the ratchet file. A row "passes" a measure
 * when the reading is right; for the two measures of harm ({@link #lowerIsBetter}) the figure shown is
 * the share of rows that failed, and the ratchet holds it as a maximum.
 */
enum Measure {
    REASON("reason", "reason (all labeled rows)", false),
    HARD_SOFT("hardsoft", "hard/soft", false),
    STATUS("status", "status (rows with a real status)", false),
    REPLY_CODE("replycode", "reply code (rows that have one)", false),
    RECIPIENT("recipient", "recipient (case-insensitive)", false),
    NOT_BOUNCE("notbounce", "non-bounce reported as none", false),
    COMPLAINT("complaint", "feedback reported as complaint", false),
    AUTOREPLY("autoreply", "vacation reported as autoreply", false),
    DECISION("decision", "list decision agrees", false),
    GOOD_SUPPRESSED("goodsuppressed", "good address suppressed (lower is better)", true),
    DEAD_KEPT("deadkept", "dead address not suppressed (lower is better)", true);

    final String key;
    final String label;
    final boolean lowerIsBetter;

    Measure(String key, String label, boolean lowerIsBetter) {
        this.key = key;
        this.label = label;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** The figure in percent: share passed, or for a measure of harm the share failed. */
    double figure(Tally t) {
        return lowerIsBetter ? t.failurePercent() : t.percent();
    }

    /** "97.75 % (435/445)"; for a measure of harm "0.30 % (1/333)" counting the failures. */
    String show(Tally t) {
        if (t == null) {
            return "-";
        }
        int count = lowerIsBetter ? t.trials() - t.hits() : t.hits();
        return String.format(Locale.ROOT, "%6.2f %% (%d/%d)", figure(t), count, t.trials());
    }
}
