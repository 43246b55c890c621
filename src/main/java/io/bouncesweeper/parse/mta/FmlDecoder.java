package io.bouncesweeper.parse.mta;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.ReasonHints;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;

import java.util.List;
import java.util.Locale;

/**
 * fml, the Japanese mailing-list manager (header X-MLServer: fml): when it refuses a post it
 * answers the poster itself. The refused "recipient" is the list, named on the refusal line
 * ("You are not a member of this mailing list &lt;list@example.org&gt;."); the refusal's wording
 * (reason-hints.tsv, family FML) tells why.
 */
final class FmlDecoder extends TextDecoder {
    FmlDecoder() {
        super("FML", Signature.header("X-MLServer", "fml"), markers(List.of(), List.of()));
    }

    @Override
    public boolean recognises(Mail mail) {
        String server = mail.header("X-MLServer");
        return server != null && server.strip().toLowerCase(Locale.ROOT).startsWith("fml");
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String text = mail.text();
        int end = Math.min(text.length(), Math.max(0, mail.originalStartInText()));
        String notice = text.substring(0, end);
        String lower = notice.toLowerCase(Locale.ROOT);
        String hint = ReasonHints.findLower(name(), lower, lower.length());
        if (hint == null) {
            return List.of(); // a list's ordinary traffic, not a refusal
        }
        for (String line : notice.split("\n", 200)) {
            if (ReasonHints.find(name(), line) == null) {
                continue;
            }
            String list = Text.findAddress(line);
            if (list == null) {
                return List.of();
            }
            return List.of(DeliveryRecord.builder(RecordKind.BOUNCE)
                    .recipient(list)
                    .action("failed")
                    .diagnostic(Squash.of(line))
                    .reasonHint(hint)
                    .decoder(name())
                    .build());
        }
        return List.of();
    }
}
