package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * KDDI au (ezweb.ne.jp, dion.ne.jp, au one net): "Could not be delivered to: &lt;addr&gt;", or the
 * EZweb gateway's "Mail System Error - Returned Mail" with a Japanese paragraph and one English
 * verdict line ("The user(s) account is disabled."). Sisimai: Lhost::KDDI, Lhost::EZweb.
 */
final class KddiDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.sent(".dion.ne.jp", "@ezweb.ne.jp", "auone-net.jp", "@au.com")
            .withText("could not be delivered to").withSubjects("mail system error - returned mail");

    KddiDecoder() {
        super("KDDI", SIGNATURE, markers(SIGNATURE.text(), List.of()));
    }
}
