package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.smtp.Command;

import java.util.List;
import java.util.Locale;

/**
 * An MTA Sisimai could not name ("X6"): Subject "There was an error sending your mail", "We had
 * trouble delivering your message. Full details follow:", then "SMTP Server &lt;host&gt; rejected
 * recipient &lt;address&gt; (Error following RCPT command). It responded as follows: [550 …]" or
 * "The following recipients returned permanent errors: address". Sisimai: Lhost::X6.
 */
final class X6Decoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("we had trouble delivering your message. full details follow:")
            .withSubjects("there was an error sending your mail")
            .triedFirstFor("there was an error sending your mail");

    X6Decoder() {
        super("X6", SIGNATURE, markers(List.of("we had trouble delivering your message"),
                List.of("the attachment contains the original mail headers")));
    }

    /** "(Error following RCPT command)" names the refused command in this MTA's own words. */
    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord record) {
        String d = record.diagnostic();
        if (record.smtpCommand() != null || d == null) {
            return record;
        }
        int i = d.toLowerCase(Locale.ROOT).indexOf("error following ");
        if (i < 0) {
            return record;
        }
        String command = Command.sent(d.substring(i + "error following ".length()));
        return command == null ? record : record.toBuilder().smtpCommand(command).build();
    }
}
