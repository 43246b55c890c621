package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.smtp.Command;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command table ({@code commands.tsv}): the SMTP command a server refused corrects the reason
 * words or codes gave (an "unknown" address at MAIL FROM is the sender's, not the recipient's).
 */
final class CommandTable {
    static final String TABLE = "commands.tsv";
    static final String PHRASES = "command-phrases.tsv";
    private static final String FALLBACK = "fallback";
    /** The table's name for "the mail names no command". */
    static final String UNKNOWN = "NONE";

    private final Map<String, Reason> rows = new HashMap<>();
    private final List<Command.Phrase> phrases = new java.util.ArrayList<>();

    CommandTable(List<String> texts, List<String> phraseTexts) {
        for (TsvRows.Row row : TsvRows.parse(PHRASES, phraseTexts, 2)) {
            phrases.add(new Command.Phrase(Squash.lowered(row.cell(0)), row.cell(1).toUpperCase(Locale.ROOT)));
        }
        for (TsvRows.Row row : TsvRows.parse(TABLE, texts, 3)) {
            try {
                String from = row.cell(1).toLowerCase(Locale.ROOT);
                if (!FALLBACK.equals(from)) {
                    Reason.ofCode(from);
                }
                rows.putIfAbsent(key(row.cell(0), from), Reason.ofCode(row.cell(2)));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
    }

    /** The refused command: the record's, else the last one the report's standard wording names; null when unknown. */
    String commandOf(String recordCommand, String normalisedText) {
        if (recordCommand != null && !recordCommand.isBlank()) {
            return recordCommand.trim().toUpperCase(Locale.ROOT);
        }
        return Command.lastNamed(normalisedText, phrases);
    }

    /** The verdict corrected by the command (null or blank: none named, the table's NONE), or the verdict itself. */
    Verdict correct(Verdict v, String command, boolean byCodeAlone) {
        boolean named = command != null && !command.isBlank();
        String key = named ? command : UNKNOWN;
        Reason to = rows.get(key(key, v.reason().code()));
        if (to == null && byCodeAlone) {
            to = rows.get(key(key, FALLBACK));
        }
        if (to == null || to == v.reason()) {
            return v;
        }
        return new Verdict(to, null, v.rule() + ">" + (named ? command.trim().toLowerCase(Locale.ROOT) : "nocommand"));
    }

    private static String key(String command, String from) {
        return command.trim().toUpperCase(Locale.ROOT) + ' ' + from;
    }
}
