package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.TextReport;

import java.util.List;
import java.util.Locale;

/**
 * Microsoft Exchange, Exchange Online (Office 365) and Outlook.com non-delivery reports; also Exchange
 * 5.5/2003's "did not reach the following recipient(s):", whose summary above that line quotes the
 * original's To (often a list address), so the section starts below it. Sisimai: Lhost::Exchange2003,
 * Lhost::Exchange2007, Lhost::Office365, Lhost::Outlook.
 */
final class ExchangeDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("X-MS-Exchange-Message-Is-Ndr", "")
            .withHeader("X-MS-Exchange-Organization-SCL", "").withHeader("X-MS-Embedded-Report", "")
            .withText("did not reach the following recipient(s)", "delivery has failed to these recipients or groups",
                    "your message did not reach some or all of the intended recipients",
                    "diagnostic information for administrators")
            .triedFirstFor("undeliverable");

    ExchangeDecoder() {
        super("Exchange", SIGNATURE, markers(List.of("delivery has failed to these recipients or groups",
                        "your message to", "your message did not reach some or all of the intended recipients",
                        "diagnostic information for administrators", "did not reach the following recipient(s)"),
                List.of("original message headers", "------ original message")));
    }

    /**
     * The part for administrators repeats each recipient with the remote server's own reply
     * ("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"), which the
     * friendly paragraph above it only paraphrases: when the record has no reply code yet, that
     * reply becomes its diagnostic.
     */
    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord record) {
        if (record.replyCode() != null || record.recipient() == null) {
            return record;
        }
        String lower = section.toLowerCase(Locale.ROOT);
        int admin = lower.indexOf("diagnostic information for administrators");
        if (admin < 0) {
            return record;
        }
        String rcpt = record.recipient().toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(rcpt, admin); at >= 0; at = lower.indexOf(rcpt, at + rcpt.length())) {
            int returned = lower.indexOf("remote server returned '", at);
            int nextRcpt = lower.indexOf('@', at + rcpt.length());
            if (returned < 0 || returned - at > 400 || nextRcpt >= 0 && nextRcpt < returned) {
                continue;
            }
            int from = returned + "remote server returned '".length();
            int end = section.indexOf('\'', from);
            int eol = section.indexOf('\n', from);
            if (end < 0 || eol >= 0 && eol < end) {
                end = eol < 0 ? section.length() : eol;
            }
            DeliveryRecord t = TextReport.record(record.recipient(), section.substring(from, end), name());
            if (t.replyCode() == null) {
                return record;
            }
            return record.toBuilder().replyCode(t.replyCode())
                    .status(t.status() != null ? t.status() : record.status())
                    .diagnostic(t.diagnostic()).build();
        }
        return record;
    }
}
