package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.ArfDecoder;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Rfc3464Decoder;
import io.bouncesweeper.parse.UnsubscribeRequestDecoder;

import java.util.List;

/**
 * Which decoders run, in which order. Complaints first (an ARF report may enclose a bounce), then
 * the MTA-specific decoders, then the generic RFC 3464 reader.
 */
public final class DecoderTable {
    private final List<Decoder> decoders;

    private DecoderTable(List<Decoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    /** @param looksLikeBounce decides whether the last-resort text scan may run on a mail */
    public static DecoderTable standard(java.util.function.Predicate<Mail> looksLikeBounce) {
        return new DecoderTable(List.of(new ArfDecoder(), new AmazonSesDecoder(), new Rfc3464Decoder(),
                new EmbeddedReportDecoder(), new VerizonDecoder(), new KddiDecoder(), new V5SendmailDecoder(),
                new GenericTextDecoder(looksLikeBounce), new UnsubscribeRequestDecoder()));
    }

    /** Records of the first decoder that recognises the mail and finds any; empty if none does. */
    public List<DeliveryRecord> decode(Mail mail) {
        for (Decoder d : decoders) {
            if (d.recognises(mail)) {
                List<DeliveryRecord> r = d.decode(mail);
                if (!r.isEmpty()) {
                    return r;
                }
            }
        }
        return List.of();
    }
}
