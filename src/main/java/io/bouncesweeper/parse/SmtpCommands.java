package io.bouncesweeper.parse;

import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * The SMTP command a server refused, where the notification says it but the record does not yet:
 * a session transcript (Sendmail's "&gt;&gt;&gt; DATA" then "&lt;&lt;&lt; 550 ..."), a labelled
 * command line ("SMTP command: DATA"), or a line about the recipient with the standard wording
 * ("in reply to end of DATA command", "after RCPT TO"). The classifier tells a refusal at RCPT
 * from one after the content by it. Only the notification is read, never the quoted original.
 */
public final class SmtpCommands {
    /** Transcripts longer than this are not read further: real ones have a few dozen lines. */
    private static final int MAX_LINES = 2000;
    /** Records looked up per message: each lookup reads the notification once. */
    private static final int MAX_RECORDS = 100;

    private SmtpCommands() {
    }

    /** {@code records} with the refused command filled in where the notification names it. */
    public static List<DeliveryRecord> fill(Mail mail, List<DeliveryRecord> records) {
        List<DeliveryRecord> out = null;
        Notification notification = null;
        for (int i = 0; i < records.size() && i < MAX_RECORDS; i++) {
            DeliveryRecord r = records.get(i);
            if (r.smtpCommand() != null || r.kind() != RecordKind.BOUNCE && r.kind() != RecordKind.DELAYED) {
                continue;
            }
            if (notification == null) {
                String text = mail.text();
                String lower = mail.textLower(); // cached by the mail: the decoders searched it already
                int end = Math.min(Math.min(text.length(), lower.length()), mail.originalStartInText());
                notification = Notification.of(text.substring(0, Math.max(0, end)).split("\n", MAX_LINES + 1),
                        lower.substring(0, Math.max(0, end)));
            }
            String command = commandFor(notification, r.recipient(), records.size() == 1);
            if (command != null) {
                if (out == null) {
                    out = new ArrayList<>(records);
                }
                out.set(i, r.toBuilder().smtpCommand(command).build());
            }
        }
        return out == null ? records : out;
    }

    /** The refused command for {@code recipient} in the notification's lines, or null. */
    static String commandFor(String[] lines, String recipient, boolean only) {
        return commandFor(Notification.of(lines), recipient, only);
    }

    /**
     * The notification's lines, each also in lower case (read once per mail, not per record), and
     * whether the standard wording occurs anywhere at all: most mail has none, and then no line
     * window needs to be built.
     */
    private record Notification(String[] lines, String[] lower, int n, boolean hasWording) {
        static Notification of(String[] lines) {
            return of(lines, String.join("\n", lines).toLowerCase(Locale.ROOT));
        }

        static Notification of(String[] lines, String lowerText) {
            String[] lower = lowerText.split("\n", MAX_LINES + 1);
            if (lower.length != lines.length) { // a character whose lower case is longer: lower line by line
                lower = new String[lines.length];
                for (int i = 0; i < lines.length; i++) {
                    lower[i] = lines[i].toLowerCase(Locale.ROOT);
                }
            }
            int n = Math.min(lines.length, MAX_LINES);
            return new Notification(lines, lower, n, Command.standardPhrase(lowerText) != null);
        }
    }

    private static String commandFor(Notification notification, String recipient, boolean only) {
        String[] lines = notification.lines();
        String lowerRcpt = recipient == null ? null : recipient.toLowerCase(Locale.ROOT);
        String sent = null;          // the last command the transcript shows as sent
        String firstRefused = null;  // the command before the first refusal naming nobody in particular
        int n = notification.n();
        for (int i = 0; i < n; i++) {
            String t = lines[i].strip();
            if (t.startsWith(">>> ")) {
                sent = Command.sent(t.substring(4));
            } else if (t.startsWith("<<< ")) {
                String reply = t.substring(4);
                if (!Reply.isFailure(reply)) {
                    continue;
                }
                if (lowerRcpt != null && notification.lower()[i].contains(lowerRcpt) && sent != null) {
                    return answeredCommand(lines, i, n, sent);
                }
                if (firstRefused == null && sent != null) {
                    firstRefused = answeredCommand(lines, i, n, sent);
                }
            } else if (only && Command.isLabelLine(notification.lower()[i]) && i + 1 < n) {
                // "-------SMTP command" / "SMTP command:" followed by the command on its own line
                String next = lines[i + 1].strip();
                String c = Command.sent(next.isEmpty() && i + 2 < n ? lines[i + 2].strip() : next);
                if (c != null) {
                    return c;
                }
            }
        }
        if (only && firstRefused != null) {
            return firstRefused;
        }
        return lowerRcpt == null || !notification.hasWording() ? null : fromWording(notification, lowerRcpt, only);
    }

    /**
     * The command the refusal at line {@code i} answers. With PIPELINING a client sends RCPT TO
     * and DATA in one go and the transcript shows only "&gt;&gt;&gt; DATA"; when another reply
     * follows the refusal before the next command ("&lt;&lt;&lt; 503 Need RCPT", "no valid
     * recipients"), that last reply is DATA's and the refusal answered a recipient.
     */
    private static String answeredCommand(String[] lines, int i, int n, String sent) {
        if (!"DATA".equals(sent)) {
            return sent;
        }
        boolean ended = Reply.endsReply(lines[i].strip().substring(4));
        for (int j = i + 1; j < n; j++) {
            String t = lines[j].strip();
            if (t.startsWith(">>> ")) {
                break;
            }
            if (t.startsWith("<<< ")) {
                if (ended) {
                    return "RCPT"; // a further reply: the refusal was not DATA's
                }
                ended = Reply.endsReply(t.substring(4));
            }
        }
        return sent;
    }

    /** "in reply to ... command" and the like on a line naming the recipient (or, alone, any line). */
    private static String fromWording(Notification notification, String lowerRcpt, boolean only) {
        String[] lower = notification.lower();
        int n = notification.n();
        for (int i = 0; i < n; i++) {
            if (!only && !lower[i].contains(lowerRcpt)) {
                continue;
            }
            // the wording may be on the line itself or wrapped onto the next two
            StringBuilder b = new StringBuilder(lower[i]);
            for (int j = i + 1; j < n && j <= i + 2 && !lower[j].isBlank(); j++) {
                b.append(' ').append(lower[j].strip());
            }
            String c = Command.standardPhrase(b.toString());
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
