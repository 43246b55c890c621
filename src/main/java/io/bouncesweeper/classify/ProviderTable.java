package io.bouncesweeper.classify;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider rules ({@code providers.tsv}) and how a record is recognised as a provider's
 * ({@code provider-hosts.tsv}): by the remote MTA's host name first, then by a signature in the
 * diagnostic, then by the recipient's domain.
 */
final class ProviderTable {
    static final String RULES = "providers.tsv";
    static final String HOSTS = "provider-hosts.tsv";
    private static final String ANY = "*";

    private record Rule(String reply, String status, String text, Pattern pattern, String command, Verdict verdict) {
        /** The verdict when the row matches, else null; a pattern row names the code it found. */
        Verdict match(String reply, String status, String normalisedText, String command, String provider) {
            if (!(ANY.equals(this.reply) || this.reply.equals(reply))
                    || !(ANY.equals(this.status) || this.status.equals(status))
                    || !(ANY.equals(this.command) || this.command.equals(command))) {
                return null;
            }
            if (pattern == null) {
                return ANY.equals(text) || normalisedText.contains(text) ? verdict : null;
            }
            Matcher m = pattern.matcher(normalisedText);
            if (!m.find()) {
                return null;
            }
            String found = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group(); // a group names the code alone
            return new Verdict(verdict.reason(), verdict.action(), "provider:" + provider + ":\"" + found + "\"");
        }
    }

    /**
     * A text cell "re:..." is a regular expression over the normalised diagnostic (a provider's
     * numbered codes); the rule names what it found, or its first group when it has one.
     */
    private static final String REGEX = "re:";

    private record Signature(String provider, String pattern) {
    }

    private final List<Signature> mtaSuffixes = new ArrayList<>();
    private final List<Signature> mtaWords = new ArrayList<>();
    private final List<Signature> textMarks = new ArrayList<>();
    private final List<Signature> domainSuffixes = new ArrayList<>();
    private final Map<String, List<Rule>> rulesByProvider = new LinkedHashMap<>();

    ProviderTable(List<String> ruleTexts, List<String> hostTexts) {
        for (TsvRows.Row row : TsvRows.parse(HOSTS, hostTexts, 3)) {
            Signature s = new Signature(row.cell(0), lower(row.cell(2)));
            switch (lower(row.cell(1))) {
                case "mta" -> mtaSuffixes.add(s);
                case "mtaword" -> mtaWords.add(s);
                case "text" -> textMarks.add(s);
                case "domain" -> domainSuffixes.add(s);
                default -> throw row.error("where must be mta, mtaword, text or domain, not '" + row.cell(1) + "'");
            }
        }
        for (TsvRows.Row row : TsvRows.parse(RULES, ruleTexts, 6)) {
            try {
                String provider = row.cell(0);
                String reply = row.cell(1);
                String status = row.cell(2);
                String cell = row.cell(3);
                Pattern pattern = cell.startsWith(REGEX) ? Pattern.compile(cell.substring(REGEX.length())) : null;
                String text = ANY.equals(cell) || pattern != null ? cell : Squash.lowered(cell);
                String id = !ANY.equals(status) ? ":" + status : !ANY.equals(reply) ? ":" + reply
                        : ANY.equals(text) ? "" : ":\"" + text + "\"";
                Verdict verdict = new Verdict(Reason.ofCode(row.cell(4)), Verdict.actionOrDefault(row.cell(5)),
                        "provider:" + provider + id);
                // optional 7th column: the refused SMTP command (NONE: the mail names none), * any
                String command = row.cells().length > 6 && !row.cell(6).isEmpty() ? row.cell(6).toUpperCase(Locale.ROOT) : ANY;
                rulesByProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(new Rule(reply, status, text, pattern, command, verdict));
            } catch (IllegalArgumentException e) { // PatternSyntaxException too
                throw row.error(e.getMessage());
            }
        }
    }

    /** The provider whose rules decide, when one matches; null otherwise. */
    Verdict match(DeliveryRecord record, String reply, String status, String normalisedText, String command) {
        String provider = providerOf(record, normalisedText);
        if (provider == null) {
            return null;
        }
        String cmd = command == null ? CommandTable.UNKNOWN : command;
        for (Rule rule : rulesByProvider.getOrDefault(provider, List.of())) {
            Verdict v = rule.match(reply, status, normalisedText, cmd, provider);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    String providerOf(DeliveryRecord record, String normalisedText) {
        String mta = host(record.remoteMta());
        if (mta != null) {
            for (Signature s : mtaSuffixes) {
                if (endsWithDomain(mta, s.pattern())) {
                    return s.provider();
                }
            }
            for (Signature s : mtaWords) {
                if (mta.contains(s.pattern())) {
                    return s.provider();
                }
            }
        }
        for (Signature s : textMarks) {
            if (normalisedText.contains(s.pattern())) {
                return s.provider();
            }
        }
        String recipient = record.recipient();
        int at = recipient == null ? -1 : recipient.lastIndexOf('@');
        if (at >= 0) {
            String domain = lower(recipient.substring(at + 1)).trim();
            for (Signature s : domainSuffixes) {
                if (endsWithDomain(domain, s.pattern())) {
                    return s.provider();
                }
            }
        }
        return null;
    }

    /** "dns; mx.example.com [192.0.2.1]" and "mx.example.com." both give "mx.example.com". */
    private static String host(String remoteMta) {
        if (remoteMta == null || remoteMta.isBlank()) {
            return null;
        }
        String h = lower(remoteMta.trim());
        int semi = h.indexOf(';');
        if (semi >= 0) {
            h = h.substring(semi + 1).trim();
        }
        int end = 0;
        while (end < h.length() && (Character.isLetterOrDigit(h.charAt(end)) || h.charAt(end) == '.' || h.charAt(end) == '-')) {
            end++;
        }
        h = h.substring(0, end);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() ? null : h;
    }

    private static boolean endsWithDomain(String host, String domain) {
        return host.equals(domain) || (host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.');
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
