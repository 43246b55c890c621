package io.bouncesweeper.parse.mta;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.smtp.Reply;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.parse.Mail;
import io.bouncesweeper.parse.Signature;
import io.bouncesweeper.parse.Text;

import java.util.List;
import java.util.Locale;

/**
 * Sendmail before DSN support (V5, V8 without DSN): "----- Transcript of session follows -----"
 * in plain text. Its own summary line starts with 554 ("554 &lt;a@b&gt;... 550 Host unknown"), so
 * the remote server's code is the last one, not the first.
 */
final class V5SendmailDecoder extends TextDecoder {
    static final Signature SIGNATURE = Signature.writes("----- transcript of session follows -----")
            .triedFirstFor("returned mail:", "warning: could not send message");

    V5SendmailDecoder() {
        super("V5sendmail", SIGNATURE, markers(List.of("----- the following addresses had", "----- transcript of session follows -----"),
                List.of("----- unsent message follows -----", "----- original message follows -----")));
    }

    @Override
    public boolean recognises(Mail mail) {
        return mail.firstPart("message/delivery-status") == null && SIGNATURE.hasText(mail);
    }

    @Override
    DeliveryRecord refine(Mail mail, String section, DeliveryRecord r) {
        DeliveryRecord fromBlock = fromSessionBlock(section, r);
        if (fromBlock != null) {
            return fromBlock;
        }
        if (r.diagnostic() == null || r.status() != null && Reply.lastFailurePair(r.diagnostic()) != null) {
            return r;
        }
        String last = Reply.lastFailure(r.diagnostic());
        return last == null ? r : r.toBuilder().replyCode(last).build();
    }

    /**
     * The transcript is cut into "While talking to HOST:" blocks: the commands sent ("&gt;&gt;&gt;"), the
     * server's replies ("&lt;&lt;&lt;"), then Sendmail's own summary lines, "NNN &lt;a@b&gt;... text" per
     * address. When an address's summary quotes no remote reply ("554 &lt;a@b&gt;... Remote protocol
     * error"), the block's last refusal is what the server said about it ("&lt;&lt;&lt; 501 ... open
     * relay" after "&gt;&gt;&gt; MAIL From:"); the summary lines after it belong to other addresses.
     */
    private DeliveryRecord fromSessionBlock(String section, DeliveryRecord r) {
        if (r.recipient() == null) {
            return null;
        }
        String[] lines = section.split("\n", 2000);
        String needle = "<" + r.recipient().toLowerCase(Locale.ROOT) + ">...";
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            int at = t.toLowerCase(Locale.ROOT).indexOf(needle);
            if (at < 0 || Reply.leading(t) == null || at > 5) {
                continue;
            }
            String said = t.substring(at + needle.length()).strip();
            if (Reply.leading(said) != null) {
                return null; // the summary quotes the remote reply itself
            }
            String reply = null;
            String command = null;
            for (int j = i - 1; j >= 0; j--) {
                String b = lines[j].strip();
                if (b.toLowerCase(Locale.ROOT).contains("while talking to ")) {
                    break;
                }
                if (reply == null && b.startsWith("<<< ") && isFailure(b.substring(4))) {
                    reply = b.substring(4);
                } else if (reply != null && b.startsWith(">>> ")) {
                    command = io.bouncesweeper.smtp.Command.sent(b.substring(4));
                    break;
                }
            }
            if (reply == null) {
                return null;
            }
            DeliveryRecord t2 = io.bouncesweeper.parse.TextReport.record(r.recipient(), reply, name());
            return r.toBuilder().diagnostic(Squash.of(t + " " + reply)).replyCode(t2.replyCode())
                    .status(t2.status() != null ? t2.status() : r.status())
                    .smtpCommand(command != null ? command : r.smtpCommand()).build();
        }
        return null;
    }

    private static boolean isFailure(String reply) {
        String code = Reply.leading(reply);
        return code != null && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
