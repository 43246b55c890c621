package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.TextReport;

/** Last resort for a mail that looks like a bounce but matched no family: scan all its text. */
final class GenericTextDecoder extends TextDecoder {
    private final java.util.function.Predicate<Mail> looksLikeBounce;

    GenericTextDecoder(java.util.function.Predicate<Mail> looksLikeBounce) {
        super("Generic", TextReport.Markers.NONE);
        this.looksLikeBounce = looksLikeBounce;
    }

    @Override
    public boolean recognises(Mail mail) {
        return looksLikeBounce.test(mail);
    }
}
