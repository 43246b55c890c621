package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;

import java.util.List;

/**
 * Reads one shape of report. {@link #recognises} must be cheap (headers, part types, a marker or
 * two): the dispatcher calls it on many decoders per message. {@link #decode} returns no records
 * when the mail turned out not to be of its shape, so the next decoder gets a turn.
 */
public interface Decoder {
    String name();

    boolean recognises(Mail mail);

    List<DeliveryRecord> decode(Mail mail);
}
