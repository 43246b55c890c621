package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Digital Arts m-FILTER: X-Mailer "m-FILTER", Subject "failure notice"; a Japanese paragraph, the
 * failed address alone on its line, then "-------server message" and "-------SMTP command" each
 * followed by its value, and "-------original message". Sisimai: Lhost::mFILTER.
 */
final class MFilterDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.header("X-Mailer", "m-filter").triedFirstFor("failure notice");

    MFilterDecoder() {
        super("mFILTER", SIGNATURE, markers(List.of(), List.of("-------original message", "-------original mail info")));
    }
}
