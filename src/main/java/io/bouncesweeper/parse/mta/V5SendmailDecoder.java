package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.ReplyCodes;

import java.util.List;

/**
 * Sendmail before DSN support (V5, V8 without DSN): "----- Transcript of session follows -----"
 * in plain text. Its own summary line starts with 554 ("554 &lt;a@b&gt;... 550 Host unknown"), so
 * the remote server's code is the last one, not the first.
 */
final class V5SendmailDecoder extends TextDecoder {
    V5SendmailDecoder() {
        super("V5sendmail", markers(List.of("----- the following addresses had", "----- transcript of session follows -----"),
                List.of("----- unsent message follows -----", "----- original message follows -----")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.firstPart("message/delivery-status") == null && textContains(mail, "----- transcript of session follows -----");
    }

    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord r) {
        if (r.diagnostic() == null || r.status() != null && ReplyCodes.lastFailurePair(r.diagnostic()) != null) {
            return r;
        }
        String last = ReplyCodes.lastFailureReplyCode(r.diagnostic());
        return last == null ? r : r.toBuilder().replyCode(last).build();
    }
}
