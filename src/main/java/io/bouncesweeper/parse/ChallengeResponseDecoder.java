package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimePart;
import io.bouncesweeper.parse.mime.Headers;
import io.bouncesweeper.smtp.Squash;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Challenge-response and sender-verification requests (Boxbe, SpamArrest, TMDA, cPanel's
 * BoxTrapper and the many "please confirm you are human" systems): an automatic answer holding
 * our message until the sender proves itself. Nothing failed and nothing is known about the
 * address, so the record never counts against it. The markers are data
 * ({@code parse/challenge-markers.tsv}); see there for the rule.
 *
 * <p>The record's recipient is the address our message was sent to: the To of the enclosed or
 * quoted original when there is one, else the challenge's sender unless that is the service
 * itself or a system address, else its Reply-To.
 */
public final class ChallengeResponseDecoder implements Decoder {
    public static final String NAME = "Challenge";

    private static final NoticeMarkers MARKERS = NoticeMarkers.load("parse/challenge-markers.tsv");
    private static final List<String> SYSTEM_LOCAL_PARTS = PhraseList.load("parse/non-recipient-local-parts.txt");
    private static final Set<String> NO_REPLY = Set.of("noreply", "no-reply", "do-not-reply", "donotreply", "notify",
            "notification", "notifications", "verify", "verification", "confirm");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean recognises(Mail mail) {
        if (isStrong(mail)) {
            return true;
        }
        String text = notification(mail);
        if (!MARKERS.any("text", text)) {
            return false;
        }
        return MARKERS.any("subject", mail.subjectLower()) || sentByMachine(mail);
    }

    /** A challenge service's own header or sender domain: evidence enough on its own. */
    public boolean isStrong(Mail mail) {
        for (String h : MARKERS.get("header")) {
            int colon = h.indexOf(':');
            if (colon < 0 ? hasHeaderStartingWith(mail, h) : valueStarts(mail.header(h.substring(0, colon).strip()),
                    h.substring(colon + 1).strip())) {
                return true;
            }
        }
        String domain = domainOf(mail.fromAddress());
        for (String d : MARKERS.get("from-domain")) {
            if (domain != null && (domain.equals(d) || domain.endsWith("." + d))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<DeliveryRecord> decode(Mail mail) {
        return List.of(DeliveryRecord.builder(RecordKind.CHALLENGE)
                .recipient(recipient(mail))
                .diagnostic(Squash.of(mail.subject()))
                .reportingMta(domainOf(mail.fromAddress()))
                .decoder(NAME)
                .build());
    }

    private String recipient(Mail mail) {
        MimePart original = mail.original();
        if (original != null) {
            String to = Text.findAddress(original.headers().getRaw("To"));
            if (to != null) {
                return to;
            }
        }
        String from = mail.fromAddress();
        if (isPersonal(from)) {
            return from;
        }
        String replyTo = Text.findAddress(mail.rawHeader("Reply-To"));
        return isPersonal(replyTo) ? replyTo : null;
    }

    private boolean isPersonal(String address) {
        if (address == null) {
            return false;
        }
        String a = address.toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        String domain = domainOf(a);
        for (String d : MARKERS.get("from-domain")) {
            if (domain != null && (domain.equals(d) || domain.endsWith("." + d))) {
                return false;
            }
        }
        return !SYSTEM_LOCAL_PARTS.contains(local) && !NO_REPLY.contains(local);
    }

    /** The notification text without the quoted original. */
    private static String notification(Mail mail) {
        String text = mail.textLower();
        return text.substring(0, Math.min(text.length(), mail.originalStartInText()));
    }

    private static boolean sentByMachine(Mail mail) {
        String auto = lower(mail.header("Auto-Submitted"));
        if (auto != null && !auto.startsWith("no")) {
            return true;
        }
        String precedence = lower(mail.header("Precedence"));
        if (precedence != null && (precedence.startsWith("bulk") || precedence.startsWith("junk")
                || precedence.startsWith("auto_reply"))) {
            return true;
        }
        if (mail.headers().has("X-Autoreply") || mail.headers().has("X-Autorespond")) {
            return true;
        }
        String returnPath = mail.header("Return-Path");
        return returnPath != null && returnPath.replace(" ", "").replace("\t", "").strip().equals("<>");
    }

    private static boolean hasHeaderStartingWith(Mail mail, String prefix) {
        if (!prefix.endsWith("-")) {
            return mail.headers().has(prefix);
        }
        for (Headers.Field f : mail.headers().fields()) {
            if (f.lowerName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueStarts(String value, String prefix) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
