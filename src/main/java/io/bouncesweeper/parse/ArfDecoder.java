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
 * Abuse Reporting Format complaints (RFC 5965): a message/feedback-report part. The complaining
 * recipient is Original-Rcpt-To when the report names it (Removal-Recipient in the drafts' opt-out reports), else the To of the enclosed original.
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
        return complaints(mail, fields.get("Feedback-Type"), rcptTo,
                fields.get("Reporting-MTA"), fields.get("Arrival-Date"));
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
