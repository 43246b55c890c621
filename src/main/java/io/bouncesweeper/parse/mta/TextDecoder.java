package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.LowerCase;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.smtp.Status;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Rfc3464Decoder;
import io.bouncesweeper.parse.ReasonHints;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;
import io.bouncesweeper.parse.TextReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the per-family decoders. A family declares its {@link Signature} (how its mail is
 * recognised, by default) and the markers around its error text. A mail carrying a delivery-status part is read as a standard report and
 * completed from the text; otherwise the shared {@link TextReport} finds recipients and
 * diagnostics in the text. Either way the family's own wording may add a reason hint
 * ({@link ReasonHints}); subclasses override {@link #refine} for anything else their shape tells.
 */
abstract class TextDecoder implements Decoder {
    private final String name;
    private final Signature signature;
    private final TextReport.Markers markers;

    TextDecoder(String name, Signature signature, TextReport.Markers markers) {
        this.name = name;
        this.signature = signature;
        this.markers = markers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String section = TextReport.section(mail, markers);
        List<DeliveryRecord> records = Rfc3464Decoder.completeFromText(mail, Rfc3464Decoder.records(mail, name));
        if (records.isEmpty()) {
            records = EmbeddedReportDecoder.records(mail, name);
        }
        if (records.isEmpty()) {
            records = fromText(mail, section, markers);
        }
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        for (DeliveryRecord r : records) {
            if (records.size() == 1 && saysNothing(r)) {
                r = withNotificationText(r, section);
            }
            out.add(refine(mail, section, hinted(mail, r, records.size() == 1)));
        }
        return out;
    }

    /** Adds the reason the family's own wording gives: in the recipient's diagnostic, else (one recipient) the text or subject. */
    private DeliveryRecord hinted(Mail mail, DeliveryRecord r, boolean only) {
        if (r.reasonHint() != null) {
            return r;
        }
        String hint = ReasonHints.find(name, r.diagnostic());
        if (hint == null) {
            hint = ReasonHints.findLower(name, mail.subjectLower(), Integer.MAX_VALUE);
        }
        if (hint == null && only) {
            // the notification up to the quoted original: the family's own words, not the original's
            hint = ReasonHints.findLower(name, mail.textLower(), mail.originalStartInText());
        }
        if ("expired".equals(hint) && r.replyCode() != null) {
            hint = null; // the remote server's reply names the real cause
        }
        return hint == null ? r : r.toBuilder().reasonHint(hint).build();
    }

    private List<DeliveryRecord> fromText(Mail mail, String section, TextReport.Markers markers) {
        if (section.isEmpty()) {
            return List.of();
        }
        List<DeliveryRecord> records = TextReport.records(TextReport.lines(mail, markers), failedRecipients(mail),
                TextReport.senderAddresses(mail), name);
        if (records.isEmpty()) {
            String fallback = originalRecipient(mail);
            if (fallback != null && (hasEvidence(section) || mail.root().mimeType().equals("multipart/report"))) {
                // no address in the notification: the enclosed original's To is the one that failed
                records = List.of(TextReport.record(fallback, TextReport.codeLines(section.split("\n"), 1000), name));
            }
        }
        return records;
    }

    /** No diagnostic, or one that only repeats the address ("&lt;a@b&gt;"). */
    private static boolean saysNothing(DeliveryRecord r) {
        String d = r.diagnostic();
        if (d == null || d.isBlank()) {
            return true;
        }
        String rest = r.recipient() == null ? d : d.replace(r.recipient(), "");
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetterOrDigit(rest.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A lone recipient whose failure the notification explains without naming it (Google
     * Groups, some gateways): the opening lines of the notification are its diagnostic, so an
     * operator sees why.
     */
    private static DeliveryRecord withNotificationText(DeliveryRecord r, String section) {
        StringBuilder b = new StringBuilder();
        int taken = 0;
        for (String line : section.split("\n", 40)) {
            String t = line.strip();
            if (t.isEmpty() || TextReport.isHeaderLine(t)) {
                continue;
            }
            b.append(b.length() == 0 ? "" : " ").append(t);
            if (++taken >= 3 || b.length() >= 400) {
                break;
            }
        }
        String text = b.length() > 500 ? b.substring(0, 500) : b.toString();
        return text.isEmpty() ? r : r.toBuilder().diagnostic(text).build();
    }

    /** Family-specific corrections; the default keeps the record. */
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord record) {
        return record;
    }

    /** X-Failed-Recipients (Exim, Gmail and others) names the failed addresses outright. */
    static List<String> failedRecipients(Mail mail) {
        List<String> out = new ArrayList<>();
        for (String v : mail.headers().getAllRaw("X-Failed-Recipients")) {
            for (String part : v.split(",")) {
                String a = Text.findAddress(part);
                if (a != null && out.stream().noneMatch(a::equalsIgnoreCase)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    static String originalRecipient(Mail mail) {
        MimePart original = mail.original();
        if (original != null) {
            String to = Text.findAddress(original.headers().getRaw("To"));
            if (to != null) {
                return to;
            }
        }
        return null;
    }

    private static boolean hasEvidence(String section) {
        return Status.first(section) != null || Reply.firstInText(section) != null;
    }


    static boolean fromContains(Mail mail, String... needles) {
        String from = LowerCase.of(mail.from());
        for (String n : needles) {
            if (from.contains(n)) return true;
        }
        return false;
    }

    static boolean subjectContains(Mail mail, String... needles) {
        String s = mail.subjectLower();
        for (String n : needles) {
            if (s.contains(n)) return true;
        }
        return false;
    }

    static boolean textContains(Mail mail, String... needles) {
        String lower = mail.textLower();
        for (String n : needles) {
            int i = lower.indexOf(n);
            if (i >= 0 && i < 8192) return true;
        }
        return false;
    }

    static TextReport.Markers markers(List<String> start, List<String> end) {
        return new TextReport.Markers(start, end);
    }
}
