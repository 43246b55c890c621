package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;

import java.util.List;

/** Sendmail with DSN support: "Returned mail: ..." with a delivery-status part and a session transcript. Sisimai: Lhost::Sendmail. */
final class SendmailDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("----- the following addresses had", "----- transcript of session follows -----")
            .withSubjects("returned mail:", "warning: could not send message")
            .triedFirstFor("returned mail:", "warning: could not send message");

    SendmailDecoder() {
        super("Sendmail", SIGNATURE, markers(SIGNATURE.text(), List.of()));
    }

    /** Only with its delivery-status part: without one the same transcript is V5sendmail's. */
    @Override
    public boolean recognises(Mail mail) {
        return mail.firstPart("message/delivery-status") != null && SIGNATURE.matches(mail);
    }
}
