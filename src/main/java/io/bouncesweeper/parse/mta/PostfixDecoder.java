package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Signature;

import java.util.List;

/** Postfix bounce and delay notices: "This is the mail system at host ..." plus, usually, a DSN. Sisimai: Lhost::Postfix. */
final class PostfixDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("this is the mail system at host", "this is the postfix program at host")
            .triedFirstFor("undelivered mail returned to sender", "delayed mail (still being retried)", "delivery status notification");

    PostfixDecoder() {
        super("Postfix", SIGNATURE, markers(SIGNATURE.text(), List.of()));
    }
}
