package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong recipient suppresses an address that never bounced, so address and identity fields must
 * be read as the mail writes them: never RFC 2047-decoded (RFC 2047 section 5 forbids encoded words
 * in an addr-spec or msg-id), never cut into a shorter valid-looking address.
 */
class AddressInjectionTest {
    private final BounceParser parser = new DefaultBounceParser();

    /** A multipart/report whose text part names nobody, so only the fields under test can give a recipient. */
    private static String dsn(String extraHeaders, String perRecipient, String originalHeaders) {
        return "From: MAILER-DAEMON@mta.example.org\r\n"
                + "To: sender@example.com\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Date: Fri, 27 Nov 2026 21:00:05 +0000\r\n"
                + extraHeaders
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\n"
                + "Your message could not be delivered.\r\n\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mta.example.org\r\n\r\n"
                + perRecipient
                + "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 no such user\r\n\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: sender@example.com\r\nSubject: hello\r\n"
                + originalHeaders
                + "\r\n--b1--\r\n";
    }

    private ParsedMessage parse(String mail) {
        return parser.parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> recipients(ParsedMessage m) {
        List<String> out = new ArrayList<>();
        for (DeliveryRecord r : m.records()) {
            if (r.recipient() != null) {
                out.add(r.recipient().toLowerCase(Locale.ROOT));
            }
            if (r.originalRecipient() != null) {
                out.add(r.originalRecipient().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static void assertNoVictim(ParsedMessage m) {
        for (String r : recipients(m)) {
            assertFalse(r.contains("victim") || r.contains("evil.test"), "recipient taken from an injected address: " + r);
        }
    }

    @Test
    void encodedWordInFinalRecipientIsNotDecodedIntoAnotherAddress() {
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; =?utf-8?q?x=0D=0ABcc:_victim@evil.test?=@example.net\r\n", ""));
        assertNoVictim(m);
        assertTrue(recipients(m).isEmpty(), "no plausible addr-spec, so no recipient: " + recipients(m));
        assertNotEquals(ParseOutcome.PARSED, m.outcome());
    }

    @Test
    void encodedWordInOriginalRecipientIsNotDecoded() {
        ParsedMessage m = parse(dsn("", "Original-Recipient: rfc822; =?utf-8?b?dmljdGltQGV2aWwudGVzdA==?=\r\n", ""));
        assertNoVictim(m);
    }

    @Test
    void encodedAddressInFinalRecipientIsNoAddress() {
        // =?utf-8?q?victim=40evil.test?= decodes to victim@evil.test
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; =?utf-8?q?victim=40evil.test?=\r\n", ""));
        assertNoVictim(m);
        assertTrue(recipients(m).isEmpty(), recipients(m).toString());
    }

    @Test
    void controlCharacterInFinalRecipientRejectsIt() {
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; user@example.net\rBcc: victim@evil.test\r\n", ""));
        assertNoVictim(m);
        assertTrue(recipients(m).isEmpty(), recipients(m).toString());
    }

    @Test
    void encodedWordsInHeaderAddressesAreNotDecoded() {
        // no DSN recipient at all: the parser falls back to X-Failed-Recipients and the original's To
        String mail = dsn("X-Failed-Recipients: =?utf-8?q?victim=40evil.test?=\r\n", "Action: delayed\r\n",
                "To: =?utf-8?q?=3Cvictim=40evil.test=3E?= <friend@example.net>\r\n");
        ParsedMessage m = parse(mail);
        assertNoVictim(m);
    }

    @Test
    void quotedLocalPartIsReadWholeOrNotAtAll() {
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; \"o'brien\\\");drop--\"@example.com\r\n", ""));
        for (String r : recipients(m)) {
            assertEquals("\"o'brien\\\");drop--\"@example.com", r, "a quoted local part cut into another address");
        }
    }

    @Test
    void quotedLocalPartWithDotsIsOneAddress() {
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; \"neko....nyaan....\"@example.org\r\n", ""));
        assertEquals(List.of("\"neko....nyaan....\"@example.org"), recipients(m));
    }

    @Test
    void addressAfterAClosingQuoteIsNotAnAddress() {
        ParsedMessage m = parse(dsn("", "Final-Recipient: rfc822; \"o'brien\");drop--@example.com\r\n", ""));
        assertTrue(recipients(m).isEmpty(), recipients(m).toString());
    }

    @Test
    void quotedLocalPartInNotificationTextIsNotCut() {
        String mail = "From: MAILER-DAEMON@mta.example.org (Mail Delivery System)\r\n"
                + "To: sender@example.com\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "This is the mail system at host mta.example.org.\r\n\r\n"
                + "I'm sorry to have to inform you that your message could not\r\n"
                + "be delivered to one or more recipients.\r\n\r\n"
                + "<\"x\\\";a--\"@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1\r\n"
                + "    unknown user (in reply to RCPT TO command)\r\n";
        ParsedMessage m = parse(mail);
        for (String r : recipients(m)) {
            assertEquals("\"x\\\";a--\"@example.com", r, "a quoted local part cut into another address");
        }
    }

    @Test
    void addressAfterAClosingQuoteInNotificationTextIsNotAnAddress() {
        String mail = "From: MAILER-DAEMON@mta.example.org (Mail Delivery System)\r\n"
                + "To: sender@example.com\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "This is the mail system at host mta.example.org.\r\n\r\n"
                + "<\"o'brien\");drop--@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1\r\n"
                + "    unknown user (in reply to RCPT TO command)\r\n";
        ParsedMessage m = parse(mail);
        assertTrue(recipients(m).isEmpty(), recipients(m).toString());
    }

    @Test
    void messageIdIsTakenVerbatim() {
        String id = "=?utf-8?q?=3Cforged=40evil.test=3E?=";
        ParsedMessage m = parse(dsn("Message-ID: " + id + "\r\n", "Final-Recipient: rfc822; user@example.net\r\n",
                "Message-ID: " + id + "\r\n"));
        assertEquals(id, m.messageId());
        assertEquals(id, m.original().messageId());
        assertEquals(List.of("user@example.net"), recipients(m).subList(0, 1));
    }
}
