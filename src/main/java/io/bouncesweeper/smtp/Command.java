package io.bouncesweeper.smtp;

import java.util.List;
import java.util.Locale;

/**
 * The SMTP command a server refused (CONNECT, HELO, EHLO, STARTTLS, MAIL, RCPT, DATA), as reports
 * name it. Every way of naming one lives here, each in its own method because each has its own
 * reliability: a transcript line says exactly what was sent ({@link #sent}); the standard report
 * phrases ("in reply to RCPT TO command") are explicit ({@link #standardPhrase}); a diagnostic's
 * looser wording ("after end of data", "while connecting") is read only near its preposition
 * ({@link #inWording}); a table of phrases is searched for the one named last ({@link #lastNamed}).
 */
public final class Command {
    private static final List<String> LABELLED = List.of("rcpt", "mail", "data", "ehlo", "helo");

    private Command() {
    }

    /** The command a transcript line sends ("RCPT To:&lt;a@b&gt;" gives RCPT, "." gives DATA), or null. */
    public static String sent(String line) {
        String u = line.strip().toUpperCase(Locale.ROOT);
        if (u.equals(".") || u.startsWith("DATA") || u.startsWith("BDAT")) return "DATA";
        if (u.startsWith("RCPT")) return "RCPT";
        if (u.startsWith("MAIL")) return "MAIL";
        if (u.startsWith("EHLO")) return "EHLO";
        if (u.startsWith("HELO")) return "HELO";
        if (u.startsWith("STARTTLS")) return "STARTTLS";
        return null;
    }

    /**
     * The command a diagnostic names as refused ("in reply to RCPT TO command", "after end of
     * data", "SMTP:RCPT host ...", "while connecting"), or null.
     */
    public static String inWording(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        String lower = diagnostic.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("in reply to ");
        if (at < 0) at = lower.indexOf("after ");
        if (at < 0) at = lower.indexOf("in response to ");
        if (at < 0) at = lower.indexOf("during ");
        if (at < 0) {
            String labelled = labelled(lower);
            if (labelled != null) {
                return labelled;
            }
            if (lower.contains("while connecting") || lower.contains("connection refused") || lower.contains("connect to")) {
                return "CONNECT";
            }
            return null;
        }
        String rest = lower.substring(at, Math.min(lower.length(), at + 40));
        if (rest.contains("rcpt")) return "RCPT";
        if (rest.contains("mail from") || rest.contains("mail command")) return "MAIL";
        if (rest.contains(" data") || rest.contains("end of data")) return "DATA";
        if (rest.contains("ehlo")) return "EHLO";
        if (rest.contains("helo")) return "HELO";
        if (rest.contains("starttls")) return "STARTTLS";
        if (rest.contains("connect") || rest.contains("greeting") || rest.contains("banner")) return "CONNECT";
        return null;
    }

    /** "smtp:rcpt host mx.example.net: 553 ..." (a gateway's technical details): the command after "smtp:". */
    private static String labelled(String lower) {
        for (int at = lower.indexOf("smtp:"); at >= 0; at = lower.indexOf("smtp:", at + 5)) {
            int from = at + 5;
            for (String c : LABELLED) {
                if (lower.startsWith(c, from) && (from + c.length() == lower.length() || lower.charAt(from + c.length()) == ' ')) {
                    return c.toUpperCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /**
     * Only the explicit phrases of reports ("in reply to rcpt to", "after end of data"), in lower
     * case; any run of white space matches a phrase's space (the wording is often wrapped). "during"
     * or "after" alone say too little in free text.
     */
    public static String standardPhrase(String lower) {
        if (lower.indexOf("after") < 0 && lower.indexOf("reply") < 0) {
            return null; // every phrase holds one of these words: most mail has neither
        }
        if (Squash.contains(lower, "in reply to rcpt to") || Squash.contains(lower, "after rcpt to")) return "RCPT";
        if (Squash.contains(lower, "in reply to mail from") || Squash.contains(lower, "after mail from")) return "MAIL";
        if (Squash.contains(lower, "in reply to end of data") || Squash.contains(lower, "after end of data")
                || Squash.contains(lower, "in reply to data command") || Squash.contains(lower, "after data command")) return "DATA";
        return null;
    }

    /** "-------SMTP command" / "SMTP command:" on its own line (lower case): the next line names the command. */
    public static boolean isLabelLine(String lowerLine) {
        String l = lowerLine.strip();
        int i = 0;
        while (i < l.length() && (l.charAt(i) == '-' || l.charAt(i) == ' ')) i++;
        String rest = l.substring(i);
        return rest.equals("smtp command") || rest.equals("smtp command:");
    }

    /** A phrase of a table that names a command, e.g. "&gt;&gt;&gt; rcpt to" → RCPT. */
    public record Phrase(String text, String command) {
    }

    /**
     * The command of the phrase occurring last in {@code text} (a transcript names every command
     * it sent, "&gt;&gt;&gt; RCPT To" ... "&gt;&gt;&gt; DATA": the last one named was refused), or null.
     */
    public static String lastNamed(String text, List<Phrase> phrases) {
        String found = null;
        int at = -1;
        for (Phrase p : phrases) {
            if (text.indexOf(p.text(), at + 1) < 0) {
                continue; // no occurrence after the best so far: the forward search is much the cheaper
            }
            int i = text.lastIndexOf(p.text());
            if (i > at) {
                at = i;
                found = p.command();
            }
        }
        return found;
    }
}
