package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.LowerCase;
import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.smtp.Command;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a human-readable bounce: the part of the notification text between a start marker and
 * the quoted original, the failed addresses in it and, per address, the lines that explain the
 * failure. MTA decoders give the markers of their family; everything else is shared.
 */
public final class TextReport {
    private static final List<String> ORIGINAL_MARKERS = PhraseList.load("parse/original-message-markers.txt");
    private static final Set<String> NON_RECIPIENTS = Set.copyOf(PhraseList.load("parse/non-recipient-local-parts.txt"));
    /** Lines that start the quoted original's header block even without a marker line. */
    private static final String[] HEADER_LINE_STARTS = {"received: ", "return-path: <", "dkim-signature: ",
            "x-received: ", "arc-seal: "};
    /** The same, after the empty line that precedes them. */
    private static final String[] HEADER_BLOCK_STARTS = java.util.Arrays.stream(HEADER_LINE_STARTS)
            .map(h -> "\n\n" + h).toArray(String[]::new);
    private static final int MAX_DIAGNOSTIC_LINES = 8;
    private static final int MAX_DIAGNOSTIC_CHARS = 1000;
    /** A text report naming more addresses than this is cut: no real bounce lists that many. */
    public static final int MAX_RECIPIENTS = 500;

    /** Start and end markers (lower case, matched anywhere in a line) of one MTA family. */
    public record Markers(List<String> start, List<String> end) {
        public static final Markers NONE = new Markers(List.of(), List.of());
    }

    private TextReport() {
    }

    /** The error section of {@code text}: from the earliest start marker to the first end marker after it. */
    public static String section(String text, Markers markers) {
        return section(text, LowerCase.of(text), markers);
    }

    /** As {@link #section(String, Markers)} over a mail's notification text (its lower case and original-copy position are cached). */
    public static String section(Mail mail, Markers markers) {
        return section(mail.text(), mail.textLower(), markers, mail.originalStartInText());
    }

    /** As {@link #section(String, Markers)} with the lower-cased text already at hand. */
    public static String section(String text, String lower, Markers markers) {
        return section(text, lower, markers, -1);
    }

    private static String section(String text, String lower, Markers markers, int knownOriginalStart) {
        long range = sectionRange(lower, markers, knownOriginalStart);
        return text.substring(rangeStart(range), rangeEnd(range));
    }

    /**
     * The lines of {@link #section(Mail, Markers)}; their lower case is cut from the mail's
     * lower-case text where that is the same thing, instead of lower-casing the section again.
     */
    public static Lines lines(Mail mail, Markers markers) {
        String text = mail.text();
        String lower = mail.textLower();
        long range = sectionRange(lower, markers, mail.originalStartInText());
        String section = text.substring(rangeStart(range), rangeEnd(range));
        return lowerCharByChar(text, lower)
                ? new Lines(section, lower.substring(rangeStart(range), rangeEnd(range)))
                : new Lines(section);
    }

    /**
     * Whether {@code lower} is {@code text} lower-cased one char for one char, so that any
     * substring of it is the lower case of the same substring of {@code text}: no char changed
     * length, and no capital sigma (whose lower case depends on the chars around it).
     */
    private static boolean lowerCharByChar(String text, String lower) {
        return text.length() == lower.length() && text.indexOf('\u03A3') < 0;
    }

    /** Start and end of the section, packed into one long (start in the high half). */
    private static long sectionRange(String lower, Markers markers, int knownOriginalStart) {
        int start = -1;
        for (String m : markers.start()) {
            int i = lower.indexOf(m);
            if (i >= 0 && (start < 0 || i < start)) {
                start = i;
            }
        }
        start = Math.max(start, 0);
        int end = lower.length();
        for (String m : markers.end()) {
            int i = lower.indexOf(m, start + 1);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        end = Math.min(end, knownOriginalStart >= start ? knownOriginalStart : originalStart(lower, start));
        return ((long) start << 32) | Math.max(start, end);
    }

    private static int rangeStart(long range) {
        return (int) (range >>> 32);
    }

    private static int rangeEnd(long range) {
        return (int) range;
    }

    /** The longest word of each marker: one indexOf per distinct anchor finds every candidate line. */
    private static final List<String> MARKER_ANCHORS = ORIGINAL_MARKERS.stream()
            .map(TextReport::anchorOf)
            .distinct().toList();
    /**
     * The markers holding each anchor. A line that matches a marker holds that marker's anchor,
     * so a line found by one anchor need only be tested against that anchor's markers.
     */
    private static final Map<String, List<String>> MARKERS_BY_ANCHOR = ORIGINAL_MARKERS.stream()
            .collect(java.util.stream.Collectors.groupingBy(TextReport::anchorOf, LinkedHashMap::new,
                    java.util.stream.Collectors.toUnmodifiableList()));

    private static String anchorOf(String marker) {
        return java.util.Arrays.stream(marker.split("[^a-z0-9/]+")).max(java.util.Comparator.comparingInt(String::length)).orElse(marker);
    }

    /**
     * Where the quoted original begins: the line holding a marker (at its start, or anywhere for
     * long markers), or a header line at column 0 right after an empty line. Runs on every text
     * bounce, so it searches anchor words with indexOf and tests markers only on those lines.
     */
    static int originalStart(String lower, int from) {
        int best = lower.length();
        for (String anchor : MARKER_ANCHORS) {
            List<String> markers = MARKERS_BY_ANCHOR.get(anchor);
            for (int i = lower.indexOf(anchor, from); i >= 0 && i < best; i = lower.indexOf(anchor, i + 1)) {
                int lineStart = Math.max(from, lower.lastIndexOf('\n', i) + 1);
                int nl = lower.indexOf('\n', i);
                String line = lower.substring(lineStart, nl < 0 ? lower.length() : nl).strip();
                if (isMarkerLine(line, markers)) {
                    best = lineStart;
                    break;
                }
                if (nl < 0) break;
                i = nl;
            }
        }
        for (int k = 0; k < HEADER_LINE_STARTS.length; k++) {
            if (from == 0 && lower.startsWith(HEADER_LINE_STARTS[k])) {
                return 0;
            }
            int i = lower.indexOf(HEADER_BLOCK_STARTS[k], from);
            if (i >= 0 && i + 2 < best) {
                best = i + 2;
            }
        }
        return best;
    }

    private static boolean isMarkerLine(String line, List<String> markers) {
        for (String m : markers) {
            if (line.startsWith(m) || (m.length() > 12 && line.contains(m))) {
                return true;
            }
        }
        return false;
    }

    /** "Name: value" with a plausible header name. */
    public static boolean isHeaderLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 40) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-')) return false;
        }
        return true;
    }

    /** Addresses that belong to the sender or the reporting system, never to a failed recipient. */
    public static Set<String> senderAddresses(Mail mail) {
        Set<String> out = new HashSet<>();
        addAll(out, mail.rawHeader("From"));
        addAll(out, mail.rawHeader("To"));
        addAll(out, mail.rawHeader("Return-Path"));
        addAll(out, mail.rawHeader("Reply-To"));
        MimePart original = mail.original();
        if (original != null) {
            addAll(out, original.headers().getRaw("From"));
            addAll(out, original.headers().getRaw("Return-Path"));
            addAll(out, original.headers().getRaw("Sender"));
        }
        return out;
    }

    private static void addAll(Set<String> out, String header) {
        if (header == null) {
            return;
        }
        for (int at = header.indexOf('@'); at >= 0; at = header.indexOf('@', at + 1)) {
            String a = Text.addressAround(header, at);
            if (a != null) {
                out.add(a.toLowerCase(Locale.ROOT));
            }
        }
    }

    static boolean isRecipientCandidate(String address, Set<String> excluded) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (excluded.contains(lower)) {
            return false;
        }
        String local = lower.substring(0, lower.indexOf('@'));
        return !NON_RECIPIENTS.contains(local) && !local.startsWith("mailer-daemon") && !local.startsWith("postmaster")
                && lower.indexOf('.', lower.indexOf('@')) > 0;
    }

    /** A section split into lines once, with a lower-case twin for address lookups. */
    public static final class Lines {
        final String[] lines;
        private final String section;
        /** The section in lower case if known, else lower-cased on first use. */
        private final String lowerSection;
        /** Made on first use: many sections are never searched by address. */
        private String[] lower;

        public Lines(String section) {
            this(section, null);
        }

        Lines(String section, String lowerSection) {
            this.section = section;
            this.lowerSection = lowerSection;
            this.lines = section.split("\n", -1);
        }

        String[] lower() {
            if (lower == null) {
                lower = (lowerSection != null ? lowerSection : LowerCase.of(section)).split("\n", -1);
            }
            return lower;
        }

        /** Index of the first line containing {@code lowerNeedle}, from {@code from}, or -1. */
        int find(String lowerNeedle, int from) {
            String[] lower = lower();
            for (int i = Math.max(0, from); i < lower.length && i < lines.length; i++) {
                if (lower[i].contains(lowerNeedle)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Records for the failed addresses in {@code section}. {@code knownRecipients} (e.g. from an
     * X-Failed-Recipients header) replace address discovery when non-empty. At most
     * {@link #MAX_RECIPIENTS} addresses are reported.
     */
    public static List<DeliveryRecord> records(String section, List<String> knownRecipients, Set<String> excluded,
                                               String decoder) {
        return records(new Lines(section), knownRecipients, excluded, decoder);
    }

    /** As {@link #records(String, List, Set, String)} over a section already split into lines. */
    public static List<DeliveryRecord> records(Lines lines, List<String> knownRecipients, Set<String> excluded,
                                               String decoder) {
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        if (!knownRecipients.isEmpty()) {
            for (String r : knownRecipients) {
                if (firstLine.size() >= MAX_RECIPIENTS) break;
                firstLine.put(r, lines.find(r.toLowerCase(Locale.ROOT), 0));
            }
        } else {
            collectAddresses(lines.lines, excluded, true, firstLine);
            if (firstLine.isEmpty()) {
                // a bounce for postmaster@ or root@ is still a bounce: allow them when nothing else is named
                collectAddresses(lines.lines, excluded, false, firstLine);
            }
            if (firstLine.isEmpty()) {
                // sender and recipient may be the same address: accept one that opens a line ("a@b:", "<a@b>")
                collectLineLeading(lines.lines, firstLine);
            }
        }
        preferTextOverQuotedHeaders(lines, firstLine);
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>(firstLine.values());
        List<DeliveryRecord> out = new ArrayList<>(firstLine.size());
        for (Map.Entry<String, Integer> e : firstLine.entrySet()) {
            Integer next = starts.higher(e.getValue());
            String diag = diagnosticFor(lines, e.getKey(), e.getValue(), next == null ? lines.lines.length : next,
                    firstLine.size() == 1);
            out.add(record(e.getKey(), diag, decoder));
        }
        return out;
    }

    /**
     * An address first seen on a quoted header line ("To: a@b" of the returned message's summary)
     * is explained where the text names it again ("a@b on Thu ... The recipient name is not
     * recognized"): its diagnostic starts there.
     */
    private static void preferTextOverQuotedHeaders(Lines lines, Map<String, Integer> firstLine) {
        for (Map.Entry<String, Integer> e : firstLine.entrySet()) {
            int first = e.getValue();
            if (first < 0 || !isHeaderLine(lines.lines[first].strip())) {
                continue;
            }
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            for (int i = lines.find(lower, first + 1); i >= 0; i = lines.find(lower, i + 1)) {
                if (!isHeaderLine(lines.lines[i].strip())) {
                    e.setValue(i);
                    break;
                }
            }
        }
    }

    private static void collectAddresses(String[] lines, Set<String> excluded, boolean strict, Map<String, Integer> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length && out.size() < MAX_RECIPIENTS; i++) {
            String line = lines[i];
            if (isMessageIdLine(line)) {
                continue;
            }
            for (int at = line.indexOf('@'); at >= 0 && out.size() < MAX_RECIPIENTS; at = line.indexOf('@', at + 1)) {
                String a = Text.addressAround(line, at);
                if (a == null) continue;
                String lower = a.toLowerCase(Locale.ROOT);
                if ((strict ? isRecipientCandidate(a, excluded) : !excluded.contains(lower))
                        && !insideUrl(line, at) && seen.add(lower)) {
                    out.put(a, i);
                }
            }
        }
    }

    private static void collectLineLeading(String[] lines, Map<String, Integer> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length && out.size() < MAX_RECIPIENTS; i++) {
            String t = lines[i].strip();
            if (isMessageIdLine(t)) continue;
            if (t.startsWith("<")) t = t.substring(1);
            int at = t.indexOf('@');
            if (at <= 0) continue;
            String a = Text.addressAround(t, at);
            if (a != null && t.startsWith(a) && seen.add(a.toLowerCase(Locale.ROOT))) {
                out.put(a, i);
            }
        }
    }

    /** Builds a bounce record from an address and the text that explains its failure. */
    public static DeliveryRecord record(String recipient, String diagnostic, String decoder) {
        String diag = diagnostic == null || diagnostic.isBlank() ? null : Squash.of(diagnostic);
        String status = null, reply = null;
        if (diag != null) {
            // a text report is a failure: transcript lines like "250 2.1.5 Ok" explain nothing
            Reply.Pair pair = Reply.lastFailurePair(diag);
            if (pair != null) {
                status = pair.status();
                reply = pair.replyCode();
            } else {
                status = failureStatus(diag);
                // line starts matter for bare codes: look before squashing
                reply = Reply.firstFailure(diagnostic);
            }
        }
        return DeliveryRecord.builder(RecordKind.BOUNCE)
                .recipient(recipient)
                .action("failed")
                .status(status)
                .replyCode(reply)
                .diagnostic(diag)
                .remoteMta(Text.remoteHost(diag))
                .smtpCommand(Command.inWording(diag))
                .decoder(decoder)
                .build();
    }

    /** The first 4.x.x or 5.x.x status in {@code s}, or null. */
    static String failureStatus(String s) {
        for (int from = 0; from < s.length(); ) {
            String st = Status.first(s.substring(from));
            if (st == null) return null;
            if (st.charAt(0) != '2') return st;
            from = s.indexOf(st, from) + st.length();
        }
        return null;
    }

    /**
     * The explanation of one address: the lines after its first mention up to the next address's
     * (or a blank line after text); when those hold no code, another line naming it that does;
     * for a lone recipient, the whole section as a last resort.
     */
    static String diagnosticFor(Lines l, String address, int first, int next, boolean only) {
        String[] lines = l.lines;
        StringBuilder b = new StringBuilder();
        if (first >= 0) {
            int end = Math.min(next, first + MAX_DIAGNOSTIC_LINES);
            boolean seenText = false;
            for (int i = first; i < end && b.length() < MAX_DIAGNOSTIC_CHARS; i++) {
                String t = lines[i].strip();
                if (t.isEmpty()) {
                    if (seenText && i > first + 1 && hasCode(b)) break;
                    continue;
                }
                seenText = true;
                b.append(t).append('\n');
            }
        }
        String text = b.toString();
        if (hasPairOrStatus(text)) {
            return text;
        }
        // a bare reply code ("reason: 550 Host unknown") may have a fuller line elsewhere ("550 5.1.2 <a>... Host unknown")
        String lowerAddr = address.toLowerCase(Locale.ROOT);
        for (int i = l.find(lowerAddr, 0); i >= 0; i = l.find(lowerAddr, i + 1)) {
            if (i != first && (b.length() == 0 ? hasCode(lines[i]) : hasPairOrStatus(lines[i]))) {
                StringBuilder c = new StringBuilder(lines[i].strip());
                for (int j = i + 1; j < lines.length && j < i + 3 && !lines[j].isBlank(); j++) {
                    c.append('\n').append(lines[j].strip());
                }
                return c.toString();
            }
        }
        if (Reply.firstInText(text) != null) { // the rest of hasCode: no pair, no status
            return text;
        }
        if (only) {
            String all = codeLines(lines, MAX_DIAGNOSTIC_CHARS * 2);
            if (all != null) {
                return (b.length() > 0 ? b + "\n" : "") + all;
            }
        }
        return b.toString();
    }

    /** Lines naming {@code address} that carry a code (with their continuation), or for a lone recipient any code lines; null if none. */
    public static String codeLinesAbout(Lines l, String address, boolean only) {
        String[] lines = l.lines;
        String lowerAddr = address.toLowerCase(Locale.ROOT);
        for (int i = l.find(lowerAddr, 0); i >= 0; i = l.find(lowerAddr, i + 1)) {
            if (!isReportField(l.lower()[i])) {
                StringBuilder c = new StringBuilder(lines[i].strip());
                for (int j = i + 1; j < lines.length && j < i + 4 && !lines[j].isBlank() && lines[j].indexOf('@') < 0; j++) {
                    c.append('\n').append(lines[j].strip());
                }
                if (hasCode(c)) {
                    return c.toString();
                }
            }
        }
        return only ? codeLines(lines, MAX_DIAGNOSTIC_CHARS) : null;
    }

    /**
     * The SMTP command the notification names for this address: its paragraph's "(in reply to RCPT TO
     * command)", or a transcript's "&gt;&gt;&gt; RCPT TO:&lt;address&gt;" answered by an error, or the
     * "&gt;&gt;&gt;" line before an error line naming the address. Null when none is named.
     */
    public static String commandAbout(Lines l, String address) {
        String lowerAddr = address.toLowerCase(Locale.ROOT);
        int seen = 0;
        for (int i = l.find(lowerAddr, 0); i >= 0 && seen++ < 8; i = l.find(lowerAddr, i + 1)) {
            String line = l.lower()[i].strip();
            if (isReportField(line)) {
                continue;
            }
            if (line.startsWith(">>> ")) {
                if (i + 1 < l.lower().length && isErrorReplyLine(l.lower()[i + 1])) {
                    return Command.sent(line.substring(4));
                }
                continue;
            }
            if (line.startsWith("<<< ") && i > 0 && l.lower()[i - 1].strip().startsWith(">>> ") && isErrorReplyLine(line)) {
                return Command.sent(l.lower()[i - 1].strip().substring(4));
            }
            StringBuilder paragraph = new StringBuilder(line);
            for (int j = i + 1; j < l.lower().length && j < i + 6 && !l.lower()[j].isBlank(); j++) {
                paragraph.append(' ').append(l.lower()[j].strip());
            }
            String command = Command.inWording(paragraph.toString());
            if (command != null && !"CONNECT".equals(command)) {
                return command;
            }
        }
        return null;
    }

    private static boolean isErrorReplyLine(String lowerLine) {
        String s = lowerLine.strip();
        return s.length() > 5 && s.startsWith("<<< ") && (s.charAt(4) == '4' || s.charAt(4) == '5');
    }

    /**
     * The first line naming {@code address} that says more than the address (with up to two
     * continuation lines), or null: "a@b: No MX found for domain".
     */
    public static String linesAbout(Lines l, String address) {
        String lowerAddr = address.toLowerCase(Locale.ROOT);
        for (int i = l.find(lowerAddr, 0); i >= 0; i = l.find(lowerAddr, i + 1)) {
            if (isReportField(l.lower()[i]) || isHeaderLine(l.lines[i].strip())) {
                continue;
            }
            StringBuilder c = new StringBuilder(l.lines[i].strip());
            for (int j = i + 1; j < l.lines.length && j <= i + 2 && !l.lines[j].isBlank() && l.lines[j].indexOf('@') < 0; j++) {
                c.append('\n').append(l.lines[j].strip());
            }
            String rest = c.toString().toLowerCase(Locale.ROOT).replace(lowerAddr, "");
            for (int k = 0; k < rest.length(); k++) {
                if (Character.isLetter(rest.charAt(k))) {
                    return Squash.of(c.toString());
                }
            }
        }
        return null;
    }

    /** Every line carrying a code, up to {@code maxChars}; null if none. */
    public static String codeLines(String[] lines, int maxChars) {
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            if (all.length() > maxChars) break;
            if (!line.isBlank() && hasCode(line)) all.append(line.strip()).append('\n');
        }
        return all.length() == 0 ? null : all.toString();
    }

    /** A quoted header line whose "a@b" is a message identifier, never a recipient. */
    private static boolean isMessageIdLine(String line) {
        String t = line.stripLeading();
        return t.regionMatches(true, 0, "message-id:", 0, 11) || t.regionMatches(true, 0, "in-reply-to:", 0, 12)
                || t.regionMatches(true, 0, "references:", 0, 11) || t.regionMatches(true, 0, "content-id:", 0, 11)
                || t.regionMatches(true, 0, "resent-message-id:", 0, 18);
    }

    /** Delivery-status fields quoted in text name the recipient but explain nothing. */
    private static boolean isReportField(String lowerLine) {
        String t = lowerLine.stripLeading();
        return t.startsWith("final-recipient:") || t.startsWith("original-recipient:") || t.startsWith("x-actual-recipient:");
    }

    static boolean hasCode(CharSequence s) {
        String t = s.toString();
        return hasPairOrStatus(t) || Reply.firstInText(t) != null;
    }

    private static boolean hasPairOrStatus(String s) {
        return Reply.hasPair(s) || Status.first(s) != null;
    }

    /** A link's query ("...?to=a@b") is no recipient; looks back a bounded distance only. */
    private static boolean insideUrl(String line, int at) {
        int start = at;
        while (start > 0 && at - start < 256 && line.charAt(start - 1) != ' ') start--;
        int x400 = Text.afterX400Dda(line, start, at);
        String token = line.substring(x400 >= 0 ? x400 : start, at); // X.400's '=' signs are no query string
        return token.contains("://") || token.contains("?") || token.contains("=");
    }
}
