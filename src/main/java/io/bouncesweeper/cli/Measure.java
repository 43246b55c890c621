package io.bouncesweeper.cli;

/** What the evaluation scores; the key is the name used in the ratchet file. */
enum Measure {
    REASON("reason", "reason (all labeled rows)"),
    HARD_SOFT("hardsoft", "hard/soft"),
    STATUS("status", "status (rows with a real status)"),
    REPLY_CODE("replycode", "reply code (rows that have one)"),
    RECIPIENT("recipient", "recipient (case-insensitive)"),
    NOT_BOUNCE("notbounce", "non-bounce reported as none"),
    COMPLAINT("complaint", "feedback reported as complaint"),
    AUTOREPLY("autoreply", "vacation reported as autoreply");

    final String key;
    final String label;

    Measure(String key, String label) {
        this.key = key;
        this.label = label;
    }
}
