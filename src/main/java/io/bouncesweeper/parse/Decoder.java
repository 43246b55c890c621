package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;

import java.util.List;

/**
 * Reads one shape of report. {@link #recognises} must be cheap (headers, part types, a marker or
 * two): the dispatcher calls it on many decoders per message; by default it is the family's
 * {@link Signature}. {@link #decode} returns no records when the mail turned out not to be of its
 * shape, so the next decoder gets a turn. Registered in {@code parse/decoders.tsv}.
 */
public interface Decoder extends Family {
    @Override
    default Signature signature() {
        return Signature.NONE;
    }

    default boolean recognises(Mail mail) {
        return signature().matches(mail);
    }

    List<DeliveryRecord> decode(Mail mail);
}
