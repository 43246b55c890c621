package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/**
 * HCL (Lotus) Domino and Notes: Subject "DELIVERY FAILURE: ...", text "Your message ... was not
 * delivered to: ... because: ...", an RFC 3464 report whose Diagnostic-Code has the type
 * X-Notes. Japanese installations write the text in ISO-2022-JP, often without a charset label.
 */
final class DominoDecoder extends TextDecoder {
    DominoDecoder() {
        super("Domino", markers(List.of("was not delivered to:"), List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        String s = mail.subjectLower().stripLeading();
        return s.startsWith("delivery failure:") || s.startsWith("delivery_failure:")
                || textContains(mail, "was not delivered to:") && textContains(mail, "because:");
    }
}
