package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/**
 * Exim (and providers running it: Mail.ru, 1&amp;1, Yandex relays ...): "This message was created
 * automatically by mail delivery software", failed addresses indented under "The following
 * address(es) failed", the original after "------ This is a copy of the message".
 */
final class EximDecoder extends TextDecoder {
    EximDecoder() {
        super("Exim", markers(List.of("the following address(es) failed", "could not be delivered to one or more of",
                        "this message was created automatically by mail delivery software"),
                List.of("------ this is a copy of the message", "------ this is a copy of your message",
                        "------ the body of the message is")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return textContains(mail, "this message was created automatically by mail delivery software")
                || mail.headers().has("X-Failed-Recipients") && subjectContains(mail, "mail delivery failed");
    }
}
