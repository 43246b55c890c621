package io.bouncesweeper.parse;

import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The meaning of ARF Feedback-Type values ({@code parse/feedback-types.tsv}): most are a recipient's
 * complaint, an authentication failure report (RFC 6591) is the sender's problem, a not-spam report
 * (RFC 6430) says nothing failed.
 */
public final class FeedbackTypes {
    /** How a report of one type is recorded: its record kind, and the reason it names. */
    public record Meaning(RecordKind kind, Reason reason) {
    }

    private static final String OTHER = "other";
    private static final Map<String, Meaning> BY_TYPE = load("parse/feedback-types.tsv");

    private FeedbackTypes() {
    }

    /** The meaning of a Feedback-Type; an unknown or missing type means what "other" means. */
    public static Meaning of(String feedbackType) {
        Meaning m = feedbackType == null ? null : BY_TYPE.get(feedbackType.trim().toLowerCase(Locale.ROOT));
        return m != null ? m : BY_TYPE.get(OTHER);
    }

    private static Map<String, Meaning> load(String resource) {
        Map<String, Meaning> out = new HashMap<>();
        for (TsvTable.Row row : TsvTable.read(resource, 4)) {
            RecordKind kind = switch (row.at(1)) {
                case "complaint" -> RecordKind.COMPLAINT;
                case "bounce" -> RecordKind.BOUNCE;
                case "delivered" -> RecordKind.DELIVERED;
                default -> throw new IllegalStateException(resource + ":" + row.line()
                        + ": kind must be complaint, bounce or delivered, not " + row.at(1));
            };
            out.putIfAbsent(row.at(0).toLowerCase(Locale.ROOT), new Meaning(kind, Reason.ofCode(row.at(2))));
        }
        if (!out.containsKey(OTHER)) {
            throw new IllegalStateException(resource + ": the type 'other' must be listed (it stands for unknown types)");
        }
        return Map.copyOf(out);
    }
}
