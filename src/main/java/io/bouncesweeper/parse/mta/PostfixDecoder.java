package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** Postfix bounce and delay notices: "This is the mail system at host ..." plus, usually, a DSN. */
final class PostfixDecoder extends TextDecoder {
    PostfixDecoder() {
        super("Postfix", markers(List.of("this is the mail system at host", "this is the postfix program at host"),
                List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        return textContains(mail, "this is the mail system at host", "this is the postfix program at host");
    }
}
