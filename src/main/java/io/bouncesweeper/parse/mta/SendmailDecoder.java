package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** Sendmail with DSN support: "Returned mail: ..." with a delivery-status part and a session transcript. */
final class SendmailDecoder extends TextDecoder {
    SendmailDecoder() {
        super("Sendmail", markers(List.of("----- the following addresses had", "----- transcript of session follows -----"),
                List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.firstPart("message/delivery-status") != null
                && (textContains(mail, "----- transcript of session follows -----", "----- the following addresses had")
                || subjectContains(mail, "returned mail:", "warning: could not send message"));
    }
}
