package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices whose cause is stated by their family's own structure or wording (hand-written samples). */
class FamilyNoticesTest {
    private final BounceParser parser = new DefaultBounceParser();

    private DeliveryRecord only(String mail) {
        return only(mail.getBytes(StandardCharsets.UTF_8));
    }

    private DeliveryRecord only(byte[] mail) {
        ParsedMessage m = parser.parse(mail);
        assertEquals(ParseOutcome.PARSED, m.outcome(), String.valueOf(m.error()));
        assertEquals(1, m.records().size(), m.records().toString());
        return m.records().get(0);
    }

    @Test
    void googleGroupsRefusalInAnyLanguageIsRejectedWithItsText() {
        String mail = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\n"
                + "To: alice@example.org\r\n"
                + "Subject: Delivery Status Notification (Failure)\r\n"
                + "X-Failed-Recipients: team@googlegroups.com\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hallo alice@example.org,\r\n\r\n"
                + "die Gruppe (team), an die Sie schreiben wollten, gibt es vielleicht nicht.\r\n\r\n"
                + "Hilfe: https://groups.google.com/support/\r\n\r\nGoogle Groups\r\n\r\n"
                + "----- Original message -----\r\n\r\nFrom: alice@example.org\r\nTo: team@googlegroups.com\r\n"
                + "Subject: hello\r\n\r\nhi\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("team@googlegroups.com", r.recipient());
        assertEquals("rejected", r.reasonHint());
        assertNotNull(r.diagnostic());
        assertTrue(r.diagnostic().contains("die Gruppe (team)"), r.diagnostic());
    }

    @Test
    void dominoJapaneseReportWithoutCharsetLabelIsDecodedAndNamesTheDirectoryVerdict() {
        java.nio.charset.Charset jis = java.nio.charset.Charset.forName("ISO-2022-JP");
        String verdict = "ユーザー Tama (tama@example.co.jp) は Domino ディレクトリには見つかりません。";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("From: Postmaster@example.co.jp\r\nSubject: DELIVERY FAILURE: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nYour message\r\n\r\nwas not delivered to:\r\n\r\n"
                + "  tama@example.co.jp\r\n\r\nbecause:\r\n\r\n  ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(verdict.getBytes(jis));
        out.writeBytes(("\r\n\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns;mx.example.co.jp\r\n\r\n"
                + "Final-Recipient: rfc822;tama@example.co.jp\r\nAction: failed\r\nStatus: 5.0.0\r\nDiagnostic-Code: X-Notes; ")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(verdict.getBytes(jis));
        out.writeBytes("\r\n\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        DeliveryRecord r = only(out.toByteArray());
        assertEquals("tama@example.co.jp", r.recipient());
        assertEquals(verdict, r.diagnostic());
        assertEquals("userunknown", r.reasonHint());
    }

    @Test
    void eightBitTextLabelledIso2022JpIsReadAsEucJp() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("From: Postmaster@ezweb.ne.jp\r\nSubject: Mail System Error - Returned Mail\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"ISO-2022-JP\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("送信できませんでした。\r\n\r\nThe user(s) account is disabled.\r\n\r\n<mike@ezweb.ne.jp>\r\n"
                .getBytes(java.nio.charset.Charset.forName("EUC-JP")));
        DeliveryRecord r = only(out.toByteArray());
        assertEquals("mike@ezweb.ne.jp", r.recipient());
        assertEquals("suspend", r.reasonHint());
        assertTrue(r.diagnostic().contains("送信できませんでした。"), r.diagnostic());
    }

    @Test
    void versionNumberInQuotedHeadersIsNoStatus() {
        String mail = "From: Postmaster@example.com\r\nSubject: Undeliverable message\r\nContent-Type: text/plain\r\n\r\n"
                + "------- Failure Reasons  --------\r\n\r\nUser  not listed in public Name & Address Book\r\n"
                + "bob@example.com\r\n\r\n\r\n------- Returned Message --------\r\n"
                + "Received: from mx.example.net by gw.example.com (Lotus SMTP MTA v4.6.1 (569.2 2-6-1998)) with SMTP id 1\r\n"
                + "From: alice@example.net\r\nTo: bob@example.com\r\n\r\nhello\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("bob@example.com", r.recipient());
        assertTrue(r.status() == null || !r.status().equals("4.6.1"), r.status());
        assertTrue(r.diagnostic().contains("not listed in public Name & Address Book"), r.diagnostic());
    }

    @Test
    void fmlRefusalNamesTheListItRefusedFor() {
        String mail = "From: cats-admin@example.org\r\nTo: bob@example.net\r\n"
                + "Subject: You bob@example.net are not member (cats ML)\r\nX-MLServer: fml [fml 4.0.3 release]\r\n\r\n"
                + "You are not a member of this mailing list <cats@example.org>.\r\n\r\n"
                + "If you know the general guide of this list, please send mail with\r\nthe mail body\r\n\r\n\tguide\r\n\r\n"
                + "to the address\r\n\r\n\tcats-ctl@example.org\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("cats@example.org", r.recipient());
        assertEquals("rejected", r.reasonHint());
    }

    @Test
    void fmlListTrafficIsNoBounce() {
        String mail = "From: cats-admin@example.org\r\nTo: bob@example.net\r\nSubject: welcome (cats ML)\r\n"
                + "X-MLServer: fml [fml 4.0.3 release]\r\n\r\nWelcome to cats@example.org.\r\n";
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.records().isEmpty(), m.records().toString());
    }

    @Test
    void exchangeAdministratorsReplyGivesTheReplyCode() {
        String mail = "From: postmaster@example.onmicrosoft.com\r\nSubject: Undeliverable: hello\r\nContent-Type: text/plain\r\n\r\n"
                + "Delivery has failed to these recipients or groups:\r\n\r\n"
                + "carol@example.com<mailto:carol@example.com>\r\n"
                + "The email address you entered couldn't be found. See DSN code 5.1.1 in Exchange Online.\r\n\r\n"
                + "Diagnostic information for administrators:\r\n\r\nGenerating server: MX1.example.prod.outlook.com\r\n\r\n"
                + "carol@example.com\r\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\r\n\r\n"
                + "Original message headers:\r\n\r\nFrom: dave@example.net\r\nTo: carol@example.com\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("carol@example.com", r.recipient());
        assertEquals("550", r.replyCode());
        assertEquals("5.1.1", r.status());
        assertTrue(r.diagnostic().contains("RESOLVER.ADR.RecipNotFound"), r.diagnostic());
    }

    @Test
    void openSmtpdDelayNoticeKeepsItsWordsAboutTheRecipient() {
        String mail = "From: MAILER-DAEMON@mx.example.jp\r\nSubject: Delivery status notification: Delayed\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\n    Hi!\r\n\r\n"
                + "    This is the MAILER-DAEMON, please DO NOT REPLY to this email.\r\n\r\n"
                + "    A message is delayed for more than 4 hours for the following\r\n    list of recipients:\r\n\r\n"
                + "erin@example.net: No MX found for domain\r\n\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.jp\r\n\r\n"
                + "Final-Recipient: rfc822; erin@example.net\r\nAction: delayed\r\nStatus: 4.0.0\r\n\r\n--b--\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("erin@example.net", r.recipient());
        assertEquals("erin@example.net: No MX found for domain", r.diagnostic());
        assertEquals("notaccept", r.reasonHint());
        assertEquals("OpenSMTPD", r.decoder());
    }

    @Test
    void addressFirstSeenInAQuotedSummaryIsExplainedWhereTheTextNamesItAgain() {
        String mail = "From: postmaster@example.com\r\nSubject: Undeliverable: hello\r\nContent-Type: text/plain\r\n\r\n"
                + "Your message\r\n\r\n  To:      frank@example.com\r\n  Subject: hello\r\n  Sent:    Thu, 9 May 2005 23:34:45 +0900\r\n\r\n"
                + "did not reach the following recipient(s):\r\n\r\n"
                + "frank@example.com on Thu, 9 May 2005 23:34:45 +0900\r\n"
                + "    The recipient name is not recognized\r\n"
                + "    MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C05A6) Unknown Recipient\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("frank@example.com", r.recipient());
        assertTrue(r.diagnostic().startsWith("frank@example.com on Thu"), r.diagnostic());
        assertTrue(r.diagnostic().contains("Unknown Recipient"), r.diagnostic());
    }

    @Test
    void v5SendmailSummaryWithoutReplyTakesItsBlocksRefusal() {
        String mail = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.com>\r\nSubject: Returned mail: Unable to deliver mail\r\n"
                + "Content-Type: text/plain\r\n\r\n   ----- Transcript of session follows -----\r\n"
                + "While talking to mx.example.org:\r\n>>> MAIL From:<gina@example.co.jp>\r\n"
                + "<<< 501 <gina@example.co.jp>... no access from mail server [192.0.2.55] which is an open relay.\r\n"
                + "554 <hank@example.org>... Remote protocol error\r\n"
                + "550 example.net (smtp)... 550 Host unknown\r\n"
                + "554 <ivy@example.net>... 550 Host unknown (Authoritative answer from name server)\r\n\r\n"
                + "   ----- Unsent message follows -----\r\nFrom: gina@example.co.jp\r\nTo: hank@example.org, ivy@example.net\r\n\r\nhi\r\n";
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, m.records().size(), m.records().toString());
        DeliveryRecord hank = m.records().stream().filter(r -> "hank@example.org".equals(r.recipient())).findFirst().orElseThrow();
        assertEquals("501", hank.replyCode());
        assertEquals("MAIL", hank.smtpCommand());
        assertTrue(hank.diagnostic().contains("open relay") && !hank.diagnostic().contains("Host unknown"), hank.diagnostic());
        DeliveryRecord ivy = m.records().stream().filter(r -> "ivy@example.net".equals(r.recipient())).findFirst().orElseThrow();
        assertTrue(ivy.diagnostic().contains("Host unknown"), ivy.diagnostic());
    }
}
