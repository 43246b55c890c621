package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.parse.mime.LowerCase;
import io.bouncesweeper.domain.DeliveryRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the reporting mail server says about its own verdict, whichever decoder read the records:
 * <ul>
 *   <li>the server family, by the {@link Signature} it writes in the headers or the report
 *       (McAfee's X-NAI-Header, MessageLabs' X-Msg-Ref, IMail's X-Mailer ..., each declared in the
 *       family's own file), whose own wording then names the reason ({@code parse/reason-hints.tsv});</li>
 *   <li>each recipient's report fields: the Diagnostic-Code type (a local mailer's {@code x-unix}
 *       says no SMTP server answered) and vendor fields such as X-PowerMTA-BounceCategory, read
 *       through the same reason hints.</li>
 * </ul>
 * A hint a decoder already set is kept.
 */
final class ReportHints {
    private ReportHints() {
    }

    static List<DeliveryRecord> annotate(Mail mail, List<DeliveryRecord> records, List<Family> signers) {
        if (records.isEmpty()) {
            return records;
        }
        List<Headers> groups = ReportGroups.of(mail);
        String family = familyOf(mail, signers);
        Map<String, Headers> byRecipient = byRecipient(groups);
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DeliveryRecord r = records.get(i);
            Headers group = groupOf(r, i, records.size(), byRecipient, groups);
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
    private static String familyOf(Mail mail, List<Family> signers) {
        for (Family f : signers) {
            if (f.signature().matches(mail)) {
                return f.name();
            }
        }
        return null;
    }

    /** The report group naming the record's recipient; else the one at its position when the counts agree. */
    private static Headers groupOf(DeliveryRecord r, int index, int count, Map<String, Headers> byRecipient,
                                   List<Headers> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        Headers g = r.recipient() == null ? null : byRecipient.get(r.recipient().toLowerCase(Locale.ROOT));
        if (g == null && r.originalRecipient() != null) {
            g = byRecipient.get(r.originalRecipient().toLowerCase(Locale.ROOT));
        }
        if (g != null) {
            return g;
        }
        return groups.size() == count ? groups.get(index) : null;
    }

    /**
     * Each group under the address its Final-Recipient (else Original-Recipient) names, lower case;
     * the first group naming an address keeps it. Built once per mail: a report may list thousands.
     */
    private static Map<String, Headers> byRecipient(List<Headers> groups) {
        Map<String, Headers> out = new HashMap<>();
        for (Headers g : groups) {
            String a = Text.findAddress(Text.afterType(g.get("Final-Recipient")));
            if (a == null) {
                a = Text.findAddress(Text.afterType(g.get("Original-Recipient")));
            }
            if (a != null) {
                out.putIfAbsent(a.toLowerCase(Locale.ROOT), g);
            }
        }
        return out;
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
}
