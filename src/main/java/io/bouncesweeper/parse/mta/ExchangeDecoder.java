package io.bouncesweeper.parse.mta;

import io.bouncesweeper.parse.Mail;

import java.util.List;

/** Microsoft Exchange, Exchange Online (Office 365) and Outlook.com non-delivery reports. */
final class ExchangeDecoder extends TextDecoder {
    ExchangeDecoder() {
        super("Exchange", markers(List.of("delivery has failed to these recipients or groups",
                        "your message to", "your message did not reach some or all of the intended recipients",
                        "diagnostic information for administrators"),
                List.of("original message headers", "------ original message")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.headers().has("X-MS-Exchange-Message-Is-Ndr") || mail.headers().has("X-MS-Exchange-Organization-SCL")
                || textContains(mail, "delivery has failed to these recipients or groups",
                "your message did not reach some or all of the intended recipients",
                "diagnostic information for administrators");
    }
}
