package io.bouncesweeper.parse;

import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;
import java.util.Locale;

/**
 * Auto-replies (RFC 3834 and the older conventions): out-of-office and vacation notices. The
 * recipient is the auto-reply's sender. Bounces also carry Auto-Submitted, so the dispatcher asks
 * this decoder only after every bounce decoder has declined.
 */
public final class AutoReplyDecoder implements Decoder {
    public static final String NAME = "RFC3834";

    private static final List<String> SUBJECT_MARKERS = PhraseList.load("parse/autoreply-subjects.txt");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        String auto = lower(mail.header("Auto-Submitted"));
        if (auto != null && auto.startsWith("auto-replied")) {
            return true;
        }
        if (mail.headers().has("X-Autoreply") || mail.headers().has("X-Autorespond")
                || mail.headers().has("X-Auto-Response-Suppress") && subjectMatches(mail)) {
            return true;
        }
        String precedence = lower(mail.header("Precedence"));
        if (precedence != null && precedence.startsWith("auto_reply")) {
            return true;
        }
        return subjectMatches(mail);
    }

    /** Long markers anywhere in the subject; short ones ("auto:", "不在") only where it starts, after any "[". */
    private static boolean subjectMatches(Mail mail) {
        String subject = mail.subjectLower().strip();
        String start = subject.startsWith("[") ? subject.substring(1) : subject;
        for (String marker : SUBJECT_MARKERS) {
            if (start.startsWith(marker) || marker.length() >= 12 && subject.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        String from = mail.fromAddress();
        if (from == null) {
            from = Text.findAddress(mail.rawHeader("Reply-To"));
        }
        return List.of(DeliveryRecord.builder(RecordKind.AUTOREPLY)
                .recipient(from)
                .diagnostic(Squash.of(mail.subject()))
                .decoder(NAME)
                .build());
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
