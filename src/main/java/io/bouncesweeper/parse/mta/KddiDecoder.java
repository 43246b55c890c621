package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/**
 * KDDI au (ezweb.ne.jp, dion.ne.jp, au one net): "Could not be delivered to: &lt;addr&gt;", or the
 * EZweb gateway's "Mail System Error - Returned Mail" with a Japanese paragraph and one English
 * verdict line ("The user(s) account is disabled.").
 */
final class KddiDecoder extends TextDecoder {
    KddiDecoder() {
        super("KDDI", markers(List.of("could not be delivered to"), List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        return fromContains(mail, ".dion.ne.jp", "@ezweb.ne.jp", "auone-net.jp", "@au.com")
                && (textContains(mail, "could not be delivered to") || subjectContains(mail, "mail system error - returned mail"));
    }
}
