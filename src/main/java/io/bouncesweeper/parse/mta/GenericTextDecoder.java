package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.TextReport;

/**
 * Last resort for a mail that looks like a bounce but matched no family: scan all its text. A
 * mail that only has a bounce-like subject (a human "Re: Undeliverable ...") must also show an
 * SMTP reply or status code, so addresses in a person's reply never become bounce records.
 */
final class GenericTextDecoder extends TextDecoder {
    private final java.util.function.Predicate<Mail> looksLikeBounce;

    GenericTextDecoder() {
        this(io.bouncesweeper.parse.DefaultBounceParser::looksLikeBounce);
    }

    GenericTextDecoder(java.util.function.Predicate<Mail> looksLikeBounce) {
        super("Generic", io.bouncesweeper.parse.Signature.NONE, TextReport.Markers.NONE);
        this.looksLikeBounce = looksLikeBounce;
    }

    @Override
    public boolean recognises(Mail mail) {
        return looksLikeBounce.test(mail);
    }

    @Override
    public java.util.List<io.bouncesweeper.domain.DeliveryRecord> decode(Mail mail) {
        java.util.List<io.bouncesweeper.domain.DeliveryRecord> records = super.decode(mail);
        if (io.bouncesweeper.parse.DefaultBounceParser.fromMailSystem(mail)) {
            return records;
        }
        boolean coded = records.stream().anyMatch(r -> r.status() != null || r.replyCode() != null);
        return coded && !isReply(mail) ? records : java.util.List.of();
    }

    private static boolean isReply(Mail mail) {
        String s = mail.subjectLower().stripLeading();
        return s.startsWith("re:") || s.startsWith("fw:") || s.startsWith("fwd:") || s.startsWith("aw:") || s.startsWith("wg:");
    }
}
