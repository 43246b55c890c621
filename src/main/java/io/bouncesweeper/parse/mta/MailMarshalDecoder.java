package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;
import io.bouncesweeper.parse.TextReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Trustwave MailMarshal (Secure Email Gateway): Subject "Undeliverable Mail: "…"". The text first
 * quotes the original ("Your message: From: … Subject: …"), so the sender's address comes first;
 * the reply follows "Could not be delivered because of" and the failed addresses, indented, follow
 * "The following recipients were affected:". Sisimai: Lhost::MailMarshal (formerly
 * MailMarshalSMTP).
 */
final class MailMarshalDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.NONE.withSubjects("undeliverable mail: \"")
            .triedFirstFor("undeliverable mail: \"");
    private static final String BECAUSE = "could not be delivered because of";
    private static final String AFFECTED = "the following recipients were affected:";

    MailMarshalDecoder() {
        super("MailMarshal", SIGNATURE, markers(List.of("your message:"), List.of()));
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String text = mail.text();
        String lower = mail.textLower();
        int because = lower.indexOf(BECAUSE);
        int affected = lower.indexOf(AFFECTED);
        if (because < 0 || affected < because || text.length() != lower.length()) {
            return super.decode(mail);
        }
        String diagnostic = text.substring(because + BECAUSE.length(), affected).strip();
        List<String> recipients = new ArrayList<>();
        for (String line : text.substring(affected + AFFECTED.length()).split("\n", 200)) {
            String t = line.strip();
            if (t.isEmpty() && !recipients.isEmpty()) {
                break;
            }
            String a = Text.findAddress(t);
            if (a != null && line.startsWith(" ") && recipients.stream().noneMatch(a::equalsIgnoreCase)) {
                recipients.add(a);
            }
            if (recipients.size() >= TextReport.MAX_RECIPIENTS) break;
        }
        if (recipients.isEmpty() || diagnostic.isEmpty()) {
            return super.decode(mail);
        }
        List<DeliveryRecord> out = new ArrayList<>(recipients.size());
        for (String r : recipients) {
            out.add(TextReport.record(r, diagnostic, name()));
        }
        return out;
    }
}
