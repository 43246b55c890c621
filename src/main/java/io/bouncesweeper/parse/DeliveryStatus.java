package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fields of a message/delivery-status body (RFC 3464 section 2): one per-message group and one
 * group per recipient. Real reports often drop the blank lines between groups or put per-message
 * fields late, so groups are cut at each new Final-Recipient rather than trusted to blank lines.
 */
public record DeliveryStatus(Headers perMessage, List<Headers> perRecipient) {
    /** A report listing more recipients is cut here: no real bounce carries that many. */
    public static final int MAX_RECIPIENTS = 1000;

    private static final Set<String> PER_MESSAGE = Set.of("reporting-mta", "dsn-gateway", "received-from-mta",
            "arrival-date", "original-envelope-id", "x-postfix-queue-id", "x-postfix-sender");

    public static DeliveryStatus parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /** The part's report, parsed on the first call and kept with the part. */
    public static DeliveryStatus parse(MimePart part) {
        return part.derived(DeliveryStatus.class, p -> {
            MimeReader.Slice s = p.slice();
            return parse(s.b(), s.off(), s.off() + s.len());
        });
    }

    /** Parses {@code b[from, to)}. */
    static DeliveryStatus parse(byte[] b, int from, int to) {
        List<Headers.Field> message = new ArrayList<>();
        List<Headers> recipients = new ArrayList<>();
        List<Headers.Field> current = null;
        int pos = from;
        while (pos < to && recipients.size() < MAX_RECIPIENTS) {
            int[] next = new int[1];
            Headers block = MimeReader.parseHeaderBlock(b, pos, to, next);
            if (next[0] <= pos) { // a line that is no field: skip it
                next[0] = skipLine(b, pos, to);
            }
            for (Headers.Field f : block.fields()) {
                String name = f.lowerName();
                if (PER_MESSAGE.contains(name)) {
                    message.add(f);
                    continue;
                }
                boolean startsRecipient = name.equals("final-recipient")
                        || (name.equals("original-recipient") && (current == null || has(current, "original-recipient")
                        || has(current, "action")));
                if (startsRecipient && (current == null || has(current, name))) {
                    current = new ArrayList<>();
                    recipients.add(new Headers(current));
                } else if (current == null && !startsRecipient) {
                    message.add(f);
                    continue;
                } else if (current == null) {
                    current = new ArrayList<>();
                    recipients.add(new Headers(current));
                }
                current.add(f);
            }
            if (!block.isEmpty()) {
                current = null; // a blank line closes a recipient group
            }
            pos = next[0];
        }
        return new DeliveryStatus(new Headers(message), List.copyOf(recipients));
    }

    private static boolean has(List<Headers.Field> fields, String lowerName) {
        for (Headers.Field f : fields) {
            if (f.name().equalsIgnoreCase(lowerName)) {
                return true;
            }
        }
        return false;
    }

    private static int skipLine(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return to;
    }
}
