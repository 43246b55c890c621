package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Abuse Reporting Format reports (RFC 5965): a message/feedback-report part. The recipient is
 * Original-Rcpt-To when the report names it (Removal-Recipient in the drafts' opt-out reports), else
 * the To of the enclosed original. Its Feedback-Type says what it is ({@link FeedbackTypes}): a
 * complaint, an authentication failure report about the sender's mail (RFC 6591), or a not-spam report.
 */
public final class ArfDecoder implements Decoder {
    public static final String NAME = "ARF";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.firstPart("message/feedback-report") != null || isMicrosoftJmrp(mail);
    }

    /**
     * Microsoft's junk mail reporting program sends the complained-about message as an
     * attachment without a feedback-report part; the original carries X-HmXmrOriginalRecipient.
     */
    private static boolean isMicrosoftJmrp(Mail mail) {
        MimePart original = mail.original();
        return original != null && original.headers().has("X-HmXmrOriginalRecipient");
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        MimePart report = mail.firstPart("message/feedback-report");
        if (report == null) {
            String rcpt = mail.original().headers().getRaw("X-HmXmrOriginalRecipient");
            return complaints(mail, "abuse", rcpt == null ? List.of() : List.of(rcpt), null, null);
        }
        MimeReader.Slice s = report.slice();
        Headers fields = MimeReader.readHeaders(s.b(), s.off(), s.off() + s.len());
        List<String> rcptTo = fields.getAllRaw("Original-Rcpt-To");
        if (rcptTo.isEmpty()) {
            // the ARF drafts' opt-out reports named the address as Removal-Recipient (before RFC 5965)
            rcptTo = fields.getAllRaw("Removal-Recipient");
        }
        List<DeliveryRecord> records = complaints(mail, fields.get("Feedback-Type"), rcptTo,
                fields.get("Reporting-MTA"), fields.get("Arrival-Date"));
        FeedbackTypes.Meaning meaning = FeedbackTypes.of(fields.get("Feedback-Type"));
        if (meaning.kind() == RecordKind.COMPLAINT) {
            return records;
        }
        // not a complaint: the report's own kind, its reason as the hint, its findings as the diagnostic
        String findings = findings(fields);
        List<DeliveryRecord> out = new ArrayList<>(records.size());
        for (DeliveryRecord r : records) {
            out.add(r.toBuilder().kind(meaning.kind()).reasonHint(meaning.reason().code()).diagnostic(findings).build());
        }
        return out;
    }

    /** "auth-failure: dmarc; Authentication-Results: ...": what the reporter found, for the operator. */
    private static String findings(Headers fields) {
        StringBuilder sb = new StringBuilder(String.valueOf(fields.get("Feedback-Type")).trim());
        for (String name : List.of("Auth-Failure", "Delivery-Result", "Authentication-Results", "Reported-Domain")) {
            String v = fields.get(name);
            if (v != null && !v.isBlank()) {
                sb.append("; ").append(name).append(": ").append(v.trim());
            }
        }
        return sb.toString();
    }

    static List<DeliveryRecord> complaints(Mail mail, String feedbackType, List<String> rcptTo, String reportingMta,
                                           String arrival) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String v : rcptTo) {
            String a = Addresses.fromField(v);
            if (a != null) {
                recipients.add(a);
            }
        }
        MimePart original = mail.original();
        if (recipients.isEmpty() && original != null) {
            String a = Text.findAddress(original.headers().getRaw("To"));
            if (a != null) {
                recipients.add(a);
            }
        }
        if (recipients.isEmpty()) {
            recipients.add(null); // a complaint about an unnamed recipient still counts against the message
        }
        String type = feedbackType == null ? "abuse" : feedbackType.trim().toLowerCase(Locale.ROOT);
        List<DeliveryRecord> out = new ArrayList<>(recipients.size());
        for (String r : recipients) {
            out.add(DeliveryRecord.builder(RecordKind.COMPLAINT)
                    .recipient(r)
                    .feedbackType(type)
                    .reportingMta(Text.afterType(reportingMta))
                    .lastAttemptDate(arrival)
                    .decoder(NAME)
                    .build());
        }
        return out;
    }
}
