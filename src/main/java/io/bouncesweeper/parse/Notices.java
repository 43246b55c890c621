package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;

import java.util.List;

/**
 * Mail that looks like a bounce but reports no failure: read receipts, challenge-response
 * requests and delay warnings. Runs on every message after the bounce decoders:
 * <ul>
 *   <li>no records decoded: a receipt ({@link DispositionNotificationDecoder}) or a challenge
 *       ({@link ChallengeResponseDecoder}) yields its record, before the auto-reply check;</li>
 *   <li>records decoded from mail without a delivery-status part that a challenge service sent
 *       (its own header or domain): the text guesses are replaced by the challenge;</li>
 *   <li>otherwise bounce records of a delay warning become delayed ({@link DelayNotices}), and the
 *       records of a postmaster's copy of a report become copies ({@link PostmasterCopies}).</li>
 * </ul>
 * Stateless: one instance serves every thread.
 */
public final class Notices {
    private final DispositionNotificationDecoder receipts = new DispositionNotificationDecoder();
    private final ChallengeResponseDecoder challenges = new ChallengeResponseDecoder();

    /** @param decoded the bounce decoders' records, possibly empty */
    public List<DeliveryRecord> refine(Mail mail, List<DeliveryRecord> decoded) {
        boolean deliveryReport = !mail.partsOf("message/delivery-status", "message/global-delivery-status").isEmpty();
        if (decoded.isEmpty()) {
            if (receipts.recognises(mail)) {
                return receipts.decode(mail);
            }
            if (challenges.recognises(mail)) {
                return challenges.decode(mail);
            }
            return decoded;
        }
        if (!deliveryReport && challenges.isStrong(mail)) {
            return challenges.decode(mail);
        }
        return PostmasterCopies.refine(mail, DelayNotices.refine(mail, decoded));
    }
}
