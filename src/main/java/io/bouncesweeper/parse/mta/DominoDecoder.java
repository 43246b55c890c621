package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * HCL (Lotus) Domino and Notes: Subject "DELIVERY FAILURE: ...", text "Your message ... was not
 * delivered to: ... because: ...", an RFC 3464 report whose Diagnostic-Code has the type
 * X-Notes (Sisimai: Lhost::Domino). Japanese installations write the text in ISO-2022-JP, often without a charset label.
 */
final class DominoDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("was not delivered to:").withSubjects("delivery failure:", "delivery_failure:");

    DominoDecoder() {
        super("Domino", SIGNATURE, markers(SIGNATURE.text(), List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        String s = mail.subjectLower().stripLeading();
        for (String subject : SIGNATURE.subjects()) {
            if (s.startsWith(subject)) {
                return true; // the Subject opens with it: "Re: Delivery Failure" is a person's reply
            }
        }
        return SIGNATURE.hasText(mail) && textContains(mail, "because:");
    }
}
