package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** KDDI au (ezweb.ne.jp, dion.ne.jp, au one net): "Could not be delivered to: <addr>". */
final class KddiDecoder extends TextDecoder {
    KddiDecoder() {
        super("KDDI", markers(List.of("could not be delivered to"), List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        return fromContains(mail, ".dion.ne.jp", "@ezweb.ne.jp", "auone-net.jp", "@au.com")
                && textContains(mail, "could not be delivered to");
    }
}
