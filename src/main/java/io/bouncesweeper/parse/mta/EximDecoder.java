package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;

import java.util.List;

/**
 * Exim (and providers running it: Mail.ru, 1&amp;1, Yandex relays ...): "This message was created
 * automatically by mail delivery software", failed addresses indented under "The following
 * address(es) failed", the original after "------ This is a copy of the message". Sisimai: Lhost::Exim.
 */
final class EximDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("this message was created automatically by mail delivery software")
            .triedFirstFor("mail delivery failed");

    EximDecoder() {
        super("Exim", SIGNATURE, markers(List.of("the following address(es) failed", "could not be delivered to one or more of",
                        "this message was created automatically by mail delivery software"),
                List.of("------ this is a copy of the message", "------ this is a copy of your message",
                        "------ the body of the message is")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return SIGNATURE.hasText(mail)
                || mail.headers().has("X-Failed-Recipients") && subjectContains(mail, "mail delivery failed");
    }
}
