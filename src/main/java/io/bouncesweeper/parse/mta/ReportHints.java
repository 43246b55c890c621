package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.LowerCase;
import io.bouncesweeper.parse.DeliveryStatus;
import io.bouncesweeper.parse.Headers;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.MimePart;
import io.bouncesweeper.parse.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the reporting mail server says about its own verdict, whichever decoder read the records:
 * <ul>
 *   <li>the server family, by a signature it writes in the headers or the report
 *       ({@code parse/mta-signatures.tsv}: McAfee's X-NAI-Header, MessageLabs' X-Msg-Ref, IMail's
 *       X-Mailer ...), whose own wording then names the reason ({@code parse/reason-hints.tsv});</li>
 *   <li>each recipient's report fields: the Diagnostic-Code type (a local mailer's {@code x-unix}
 *       says no SMTP server answered) and vendor fields such as X-PowerMTA-BounceCategory, read
 *       through the same reason hints.</li>
 * </ul>
 * A hint a decoder already set is kept.
 */
final class ReportHints {
    private record Signature(String family, String where, String name, String pattern) {
    }

    private static final List<Signature> SIGNATURES = load("parse/mta-signatures.tsv");

    private ReportHints() {
    }

    static List<DeliveryRecord> annotate(Mail mail, List<DeliveryRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        List<Headers> groups = reportGroups(mail);
        String family = familyOf(mail, groups);
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DeliveryRecord r = records.get(i);
            Headers group = groupOf(r, i, records.size(), groups);
            DeliveryRecord.Builder b = null;
            if (group != null && r.diagnosticType() == null) {
                String type = diagnosticType(group.get("Diagnostic-Code"));
                if (type != null) {
                    b = r.toBuilder().diagnosticType(type);
                }
            }
            if (r.reasonHint() == null) {
                String hint = hint(mail, r, family, group, records.size() == 1);
                if (hint != null) {
                    b = (b == null ? r.toBuilder() : b).reasonHint(hint);
                }
            }
            out.add(b == null ? r : b.build());
        }
        return out;
    }

    private static String hint(Mail mail, DeliveryRecord r, String family, Headers group, boolean only) {
        String hint = ReasonHints.find(family, r.diagnostic());
        if (hint == null && group != null) {
            hint = ReasonHints.findLower(family, fieldsLower(group), Integer.MAX_VALUE);
        }
        if (hint == null && only && family != null) {
            // one recipient: the family's own words anywhere in its notification, up to the quoted original
            hint = ReasonHints.findLower(family, mail.textLower(), mail.originalStartInText());
        }
        if ("expired".equals(hint) && r.replyCode() != null) {
            hint = null; // the remote server's reply names the real cause
        }
        return hint;
    }

    /** The first family whose signature the mail carries, or null (then only the "*" hints apply). */
    private static String familyOf(Mail mail, List<Headers> groups) {
        String fromLower = null; // made on the first "from" signature, not once per signature
        for (Signature s : SIGNATURES) {
            boolean hit;
            switch (s.where) {
                case "header" -> hit = anyContains(mail.headers().getAll(s.name), s.pattern);
                case "from" -> {
                    if (fromLower == null) {
                        fromLower = mail.from().toLowerCase(Locale.ROOT);
                    }
                    hit = fromLower.contains(s.pattern);
                }
                case "subject" -> hit = mail.subjectLower().contains(s.pattern);
                case "text" -> hit = textBeforeOriginalContains(mail, s.pattern);
                case "dsfield" -> hit = groups.stream().anyMatch(g -> g.has(s.name));
                default -> hit = false;
            }
            if (hit) {
                return s.family;
            }
        }
        return null;
    }

    /** Whether the notification's own text (lower case), without the returned original, holds the pattern: its quoted mail is not the server's. */
    private static boolean textBeforeOriginalContains(Mail mail, String pattern) {
        String text = mail.textLower();
        int end = mail.originalStartInText();
        int i = text.indexOf(pattern);
        return i >= 0 && (end < 0 || end >= text.length() || i + pattern.length() <= end);
    }

    private static boolean anyContains(List<String> values, String pattern) {
        for (String v : values) {
            if (v.toLowerCase(Locale.ROOT).contains(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static List<Headers> reportGroups(Mail mail) {
        for (MimePart part : mail.partsOf("message/delivery-status", "message/global-delivery-status")) {
            List<Headers> groups = DeliveryStatus.parse(part).perRecipient();
            if (!groups.isEmpty()) {
                return groups;
            }
        }
        return List.of();
    }

    /** The report group naming the record's recipient; else the one at its position when the counts agree. */
    private static Headers groupOf(DeliveryRecord r, int index, int count, List<Headers> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        for (Headers g : groups) {
            String a = Text.findAddress(Text.afterType(g.get("Final-Recipient")));
            if (a == null) {
                a = Text.findAddress(Text.afterType(g.get("Original-Recipient")));
            }
            if (a != null && (a.equalsIgnoreCase(r.recipient()) || a.equalsIgnoreCase(r.originalRecipient()))) {
                return g;
            }
        }
        return groups.size() == count ? groups.get(index) : null;
    }

    /** "X-Unix; 255" gives "x-unix"; a value without a short type gives null. */
    static String diagnosticType(String field) {
        if (field == null) {
            return null;
        }
        int semi = field.indexOf(';');
        if (semi <= 0 || semi > 20) {
            return null;
        }
        String type = field.substring(0, semi).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.indexOf(' ') >= 0 ? null : type;
    }

    private static String fieldsLower(Headers group) {
        StringBuilder b = new StringBuilder();
        for (Headers.Field f : group.fields()) {
            b.append(f.name()).append(": ").append(f.value()).append('\n');
        }
        return LowerCase.of(b.toString());
    }

    private static List<Signature> load(String resource) {
        List<Signature> out = new ArrayList<>();
        for (TsvTable.Row row : TsvTable.read(resource, 3)) {
            String where = row.at(1).toLowerCase(Locale.ROOT);
            String name = null;
            int colon = where.indexOf(':');
            if (colon > 0) {
                name = where.substring(colon + 1);
                where = where.substring(0, colon);
            }
            boolean named = where.equals("header") || where.equals("dsfield");
            if (!(named || where.equals("from") || where.equals("subject") || where.equals("text")) || named == (name == null)) {
                throw new IllegalStateException(resource + ":" + row.line() + ": where must be header:NAME, dsfield:NAME, from, subject or text");
            }
            out.add(new Signature(row.at(0), where, name, row.at(2).toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(out);
    }
}
