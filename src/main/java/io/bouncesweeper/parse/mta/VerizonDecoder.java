package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;
import io.bouncesweeper.parse.TextReport;

import java.util.ArrayList;
import java.util.List;

/** Verizon Wireless (vtext.com, vzwpix.com) gateways: "Error: ..." then message details with "RCPT TO:". Sisimai: Lhost::Verizon. */
final class VerizonDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.sent("post_master@vtext.com", "@vzwpix.com", "@vtext.com");

    VerizonDecoder() {
        super("Verizon", SIGNATURE, markers(List.of("error:"), List.of()));
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        List<String> rcpt = new ArrayList<>();
        for (String line : mail.text().split("\n")) {
            String t = line.strip();
            if (t.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
                String a = Text.findAddress(t);
                if (a != null) rcpt.add(a);
            }
        }
        if (rcpt.isEmpty()) {
            return super.decode(mail);
        }
        String section = TextReport.section(mail, markers(List.of("error:"), List.of("message details")));
        List<DeliveryRecord> out = new ArrayList<>();
        for (String r : rcpt) {
            out.add(TextReport.record(r, section, name()));
        }
        return out;
    }
}
