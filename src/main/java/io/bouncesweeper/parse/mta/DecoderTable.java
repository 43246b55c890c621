package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.ArfDecoder;
import io.bouncesweeper.parse.Decoder;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Rfc3464Decoder;
import io.bouncesweeper.parse.UnsubscribeRequestDecoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which decoders run, in which order. Complaints and provider notifications first (an ARF
 * report may enclose a bounce), then the mail-server families (likely ones first, by Subject:
 * {@link DecoderOrder}), then the generic readers: standard report, inline report fields, text.
 * The first decoder that recognises the mail and finds records wins.
 */
public final class DecoderTable {
    private final List<Decoder> first;
    private final List<Decoder> families;
    private final List<Decoder> last;
    private final Map<String, Decoder> familiesByName = new LinkedHashMap<>();
    private final DecoderOrder order = new DecoderOrder("parse/decoder-order.tsv");

    private DecoderTable(List<Decoder> first, List<Decoder> families, List<Decoder> last) {
        this.first = List.copyOf(first);
        this.families = List.copyOf(families);
        this.last = List.copyOf(last);
        for (Decoder d : families) {
            familiesByName.put(d.name().toLowerCase(Locale.ROOT), d);
        }
    }

    /** @param looksLikeBounce decides whether the last-resort text scan may run on a mail */
    public static DecoderTable standard(Predicate<Mail> looksLikeBounce) {
        return new DecoderTable(
                List.of(new ArfDecoder(), new AmazonSesDecoder()),
                List.of(new PostfixDecoder(), new SendmailDecoder(), new EximDecoder(), new QmailDecoder(),
                        new GmailDecoder(), new YahooDecoder(), new ExchangeDecoder(), new V5SendmailDecoder(),
                        new OpenSmtpdDecoder(), new VerizonDecoder(), new KddiDecoder(), new DominoDecoder(), new FmlDecoder()),
                List.of(new Rfc3464Decoder(), new EmbeddedReportDecoder(), new GenericTextDecoder(looksLikeBounce),
                        new UnsubscribeRequestDecoder()));
    }

    /** Records of the first decoder that recognises the mail and finds any; empty if none does. */
    public List<DeliveryRecord> decode(Mail mail) {
        List<DeliveryRecord> r = firstWithRecords(first, mail);
        if (r.isEmpty()) {
            r = firstWithRecords(order.order(mail, families, familiesByName), mail);
        }
        if (r.isEmpty()) {
            r = firstWithRecords(last, mail);
        }
        return ReportHints.annotate(mail, r);
    }

    private static List<DeliveryRecord> firstWithRecords(List<Decoder> decoders, Mail mail) {
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
