package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;
import java.util.Locale;

/**
 * Read receipts: message disposition notifications (RFC 8098), a multipart/report with a
 * message/disposition-notification part, and the plain "Read: ..." replies some clients send to a
 * {@code Disposition-Notification-To} request ({@code parse/receipt-markers.tsv}). The record's
 * recipient is the Final-Recipient (the receipt's sender for plain replies), its action the
 * disposition type (displayed, deleted, dispatched, processed) and its diagnostic the Disposition
 * field as sent.
 */
public final class DispositionNotificationDecoder implements Decoder {
    public static final String NAME = "RFC8098";

    private static final NoticeMarkers MARKERS = NoticeMarkers.load("parse/receipt-markers.tsv");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return mdnPart(mail) != null || isDispositionReport(mail) || isPlainReceipt(mail);
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        MimePart part = mdnPart(mail);
        if (part == null) {
            String from = mail.fromAddress();
            return List.of(DeliveryRecord.builder(RecordKind.RECEIPT)
                    .recipient(from)
                    .diagnostic(Squash.of(mail.subject()))
                    .decoder(NAME)
                    .build());
        }
        MimeReader.Slice s = part.slice();
        Headers fields = MimeReader.readHeaders(s.b(), s.off(), s.off() + s.len());
        String finalRcpt = Rfc3464Decoder.address(fields.getRaw("Final-Recipient"));
        String originalRcpt = Rfc3464Decoder.address(fields.getRaw("Original-Recipient"));
        String recipient = finalRcpt != null ? finalRcpt : originalRcpt != null ? originalRcpt : mail.fromAddress();
        String disposition = fields.get("Disposition");
        return List.of(DeliveryRecord.builder(RecordKind.RECEIPT)
                .recipient(recipient)
                .originalRecipient(originalRcpt)
                .action(dispositionType(disposition))
                .diagnostic(Squash.of(disposition))
                .reportingMta(uaName(fields.get("Reporting-UA")))
                .decoder(NAME)
                .build());
    }

    private static MimePart mdnPart(Mail mail) {
        return mail.firstPart("message/disposition-notification");
    }

    private static boolean isDispositionReport(Mail mail) {
        String rt = mail.root().contentType().reportType();
        return mail.root().mimeType().equals("multipart/report") && rt != null
                && rt.toLowerCase(Locale.ROOT).contains("disposition-notification");
    }

    private static boolean isPlainReceipt(Mail mail) {
        if (!MARKERS.startsWithAny("subject", mail.subjectLower())) {
            return false;
        }
        String text = mail.textLower();
        return MARKERS.any("text", text.substring(0, Math.min(text.length(), 4096)));
    }

    /** "mail.example.com; ExampleMail 4.2" → "mail.example.com" (RFC 8098 section 3.2.1: ua-name; ua-product). */
    private static String uaName(String reportingUa) {
        if (reportingUa == null) {
            return null;
        }
        int semi = reportingUa.indexOf(';');
        String name = (semi < 0 ? reportingUa : reportingUa.substring(0, semi)).strip();
        return name.isEmpty() ? null : name;
    }

    /** "manual-action/MDN-sent-manually; displayed" → "displayed" (RFC 8098 section 3.2.6). */
    static String dispositionType(String disposition) {
        if (disposition == null) {
            return null;
        }
        int semi = disposition.indexOf(';');
        String type = (semi < 0 ? disposition : disposition.substring(semi + 1)).trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < type.length() && (Character.isLetter(type.charAt(end)) || type.charAt(end) == '-')) {
            end++;
        }
        return end == 0 ? null : type.substring(0, end);
    }
}
