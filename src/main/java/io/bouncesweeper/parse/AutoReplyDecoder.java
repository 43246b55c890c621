package io.bouncesweeper.parse;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;
import java.util.Locale;

/**
 * Auto-replies (RFC 3834 and the older conventions): out-of-office and vacation notices. The
 * recipient is the auto-reply's sender. Bounces also carry Auto-Submitted, so the dispatcher asks
 * this decoder only after every bounce decoder has declined; mail from a system account (a
 * postmaster, a mailer daemon: {@code parse/autoreply-exclusions.tsv}) is never an auto-reply.
 *
 * <p>Marks, any one of which suffices: {@code Auto-Submitted: auto-replied} (RFC 3834 section 5),
 * {@code X-Autoreply} and {@code X-Autorespond} (vacation responders), {@code Precedence: auto_reply},
 * {@code X-Apple-Action: vacation} (iCloud's vacation responder, Sisimai RFC3834), Exchange's
 * {@code X-Auto-Response-Suppress} with an auto-reply subject, or a subject of
 * {@code parse/autoreply-subjects.tsv} (Outlook's localized "Automatic reply:" among them).
 */
public final class AutoReplyDecoder implements Decoder {
    public static final String NAME = "RFC3834";

    private record Subject(String fragment, boolean anywhere) {
    }

    private record Exclusion(String field, String fragment) {
    }

    private static final List<Subject> SUBJECTS = TsvTable.read("parse/autoreply-subjects.tsv", 3).stream()
            .map(AutoReplyDecoder::subject).toList();
    private static final List<Exclusion> EXCLUSIONS = TsvTable.read("parse/autoreply-exclusions.tsv", 3).stream()
            .map(r -> new Exclusion(r.at(0).toLowerCase(Locale.ROOT), r.at(1).toLowerCase(Locale.ROOT))).toList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return !excluded(mail) && marked(mail);
    }

    private static boolean marked(Mail mail) {
        String auto = lower(mail.header("Auto-Submitted"));
        if (auto != null && auto.startsWith("auto-replied")) {
            return true;
        }
        String apple = lower(mail.header("X-Apple-Action"));
        if (apple != null && apple.startsWith("vacation")) {
            return true;
        }
        if (mail.headers().has("X-Autoreply") || mail.headers().has("X-Autorespond")
                || mail.headers().has("X-Auto-Response-Suppress") && subjectMatches(mail)) {
            return true;
        }
        String precedence = lower(mail.header("Precedence"));
        if (precedence != null && precedence.startsWith("auto_reply")) {
            return true;
        }
        return subjectMatches(mail);
    }

    private static boolean excluded(Mail mail) {
        for (Exclusion e : EXCLUSIONS) {
            String value = switch (e.field()) {
                case "subject" -> mail.subjectLower();
                default -> lower(mail.rawHeader(e.field()));
            };
            if (value != null && value.contains(e.fragment())) {
                return true;
            }
        }
        return false;
    }

    /** Fragments marked "start" only where the subject starts, after any "["; the others anywhere. */
    private static boolean subjectMatches(Mail mail) {
        String subject = mail.subjectLower().strip();
        String start = subject.startsWith("[") ? subject.substring(1) : subject;
        for (Subject s : SUBJECTS) {
            if (start.startsWith(s.fragment()) || s.anywhere() && subject.contains(s.fragment())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String from = mail.fromAddress();
        if (from == null) {
            from = Text.findAddress(mail.rawHeader("Reply-To"));
        }
        return List.of(DeliveryRecord.builder(RecordKind.AUTOREPLY)
                .recipient(from)
                .diagnostic(Squash.of(mail.subject()))
                .decoder(NAME)
                .build());
    }

    private static Subject subject(TsvTable.Row row) {
        String where = row.at(1);
        if (!where.equals("start") && !where.equals("anywhere")) {
            throw new IllegalStateException("parse/autoreply-subjects.tsv:" + row.line() + ": where must be start or anywhere, not " + where);
        }
        return new Subject(row.at(0).toLowerCase(Locale.ROOT), where.equals("anywhere"));
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
