package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;
import io.bouncesweeper.parse.TextReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Apache James: Subject "[BOUNCE]", a Received header "JAMES SMTP Server", Message-ID
 * "….JavaMail.…". Its notice borrows qmail's wording ("I'm afraid I wasn't able to deliver your
 * message"), so it is tried before qmail. The error comes first ("Error message below:"), then
 * "Message details:" lists the envelope, one "RCPT TO: address" line per recipient. Sisimai:
 * Lhost::ApacheJames.
 */
final class ApacheJamesDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("Received", "james smtp server")
            .withHeader("Message-ID", ".javamail.")
            .withSubjects("[bounce]");
    private static final String DETAILS = "message details:";

    ApacheJamesDecoder() {
        super("ApacheJames", SIGNATURE, markers(List.of(), List.of(DETAILS)));
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String text = mail.text();
        String lower = mail.textLower();
        int details = lower.indexOf(DETAILS);
        if (details < 0 || text.length() != lower.length()) {
            return List.of(); // not James's notice after all: the next decoder's turn
        }
        List<String> rcpt = new ArrayList<>();
        for (String line : text.substring(details).split("\n", 200)) {
            String t = line.strip();
            if (t.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
                for (String part : t.substring(8).split(",")) {
                    String a = Text.findAddress(part);
                    if (a != null && rcpt.stream().noneMatch(a::equalsIgnoreCase)) rcpt.add(a);
                }
            }
            if (rcpt.size() >= TextReport.MAX_RECIPIENTS) break;
        }
        if (rcpt.isEmpty()) {
            return List.of();
        }
        String error = text.substring(0, details);
        int below = lower.lastIndexOf("error message below:", details);
        if (below >= 0) {
            error = text.substring(below + "error message below:".length(), details);
        }
        List<DeliveryRecord> out = new ArrayList<>(rcpt.size());
        for (String r : rcpt) {
            out.add(TextReport.record(r, error.strip(), name()));
        }
        return out;
    }
}
