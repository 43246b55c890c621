package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.DeliveryStatus;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Rfc3464Decoder;

import java.util.List;

/**
 * Delivery-status fields written into a text part: a report forwarded inline, quoted with "> ",
 * or one whose MIME boundaries were lost. Reads them as if they were a delivery-status part.
 */
final class EmbeddedReportDecoder implements Decoder {
    static final String NAME = "RFC3464";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        return fieldsStart(mail.textLower()) >= 0;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        return records(mail, NAME);
    }

    /** Records from report fields found in the text, named after {@code decoder}; empty if there are none. */
    static List<DeliveryRecord> records(Mail mail, String decoder) {
        String text = mail.text();
        int start = fieldsStart(mail.textLower());
        if (start < 0) {
            return List.of();
        }
        StringBuilder b = new StringBuilder(text.length() - start);
        for (String line : text.substring(start).split("\n")) {
            String l = line;
            while (l.startsWith(">")) l = l.substring(1).stripLeading();
            if (l.startsWith(" ") && !line.startsWith(" ") && !line.startsWith("\t")) l = l.stripLeading();
            b.append(l).append('\n');
        }
        DeliveryStatus ds = DeliveryStatus.parse(b.toString());
        return Rfc3464Decoder.completeFromText(mail, Rfc3464Decoder.records(ds, decoder));
    }

    /** Start of the line holding the first Reporting-MTA / Final-Recipient field in lower-cased text, or -1. */
    static int fieldsStart(String lower) {
        String text = lower;
        int best = -1;
        for (String f : new String[] {"reporting-mta:", "final-recipient:", "original-recipient:"}) {
            int i = text.indexOf(f);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        if (best < 0) return -1;
        int nl = text.lastIndexOf('\n', best);
        return nl + 1;
    }

}
