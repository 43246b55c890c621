package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultBounceParserTest {
    private final BounceParser parser = new DefaultBounceParser();

    private ParsedMessage parse(String fixture) {
        return parser.parse(Fixtures.bytes(fixture));
    }

    @ParameterizedTest
    @CsvSource({
            "dsn-421-4.7.0-try-again-later.eml,        421, 4.7.0, failed",
            "dsn-450-4.2.1-mailbox-unavailable.eml,    450, 4.2.1, failed",
            "dsn-451-4.3.0-local-error.eml,            451, 4.3.0, failed",
            "dsn-452-4.2.2-mailbox-full.eml,           452, 4.2.2, failed",
            "dsn-550-5.1.1-user-unknown.eml,           550, 5.1.1, failed",
            "dsn-550-5.2.1-mailbox-disabled.eml,       550, 5.2.1, failed",
            "dsn-550-5.7.1-rejected-policy.eml,        550, 5.7.1, failed",
            "dsn-551-5.1.6-user-moved.eml,             551, 5.1.6, failed",
            "dsn-552-5.2.3-message-too-large.eml,      552, 5.2.3, failed",
            "dsn-552-5.3.4-message-too-big-for-system.eml, 552, 5.3.4, failed",
            "dsn-553-5.1.3-bad-address-syntax.eml,     553, 5.1.3, failed",
            "dsn-554-5.7.9-message-not-accepted.eml,   554, 5.7.9, failed",
    })
    void readsStandardReports(String fixture, String reply, String status, String action) {
        ParsedMessage m = parse(fixture);
        assertEquals(ParseOutcome.PARSED, m.outcome());
        assertEquals(1, m.records().size());
        DeliveryRecord r = m.records().get(0);
        assertEquals("delayed".equals(action) ? RecordKind.DELAYED : RecordKind.BOUNCE, r.kind()); // RFC 3464 2.3.3
        assertEquals("alice@example.net", r.recipient());
        assertEquals("alice@example.net", r.originalRecipient());
        assertEquals(status, r.status());
        assertEquals(reply, r.replyCode());
        assertEquals(action, r.action());
        assertEquals("mx.example.net", r.remoteMta());
        assertEquals("mta1.bouncesweeper.test", r.reportingMta());
        assertEquals("Fri, 27 Nov 2026 21:00:05 +0000", r.lastAttemptDate());
        assertTrue(r.diagnostic().startsWith(reply + " " + status), r.diagnostic());
        assertEquals("Postfix", r.decoder()); // the fixtures carry Postfix's notification text
        assertEquals("<20261127210005.4AB12C0011@mta1.bouncesweeper.test>", m.messageId());
        assertEquals(Instant.parse("2026-11-27T21:00:05Z"), m.date());
        assertEquals("spring-2026", m.original().headers().get("X-Campaign-Id"));
        assertEquals("<news.bouncesweeper.test>", m.original().headers().get("List-Id"));
        assertEquals("Frühlings news", m.original().headers().get("Subject"));
        assertTrue(m.original().messageId().startsWith("<campaign-spring-2026-"));
    }

    @Test
    void multiRecipientReportGivesOneRecordEach() {
        ParsedMessage m = parse("dsn-550-5.1.1-multi-recipient.eml");
        assertEquals(List.of("alice@example.net", "Bob@Example.net", "carol@example.org"),
                m.records().stream().map(DeliveryRecord::recipient).toList());
        assertTrue(m.records().stream().allMatch(r -> "5.1.1".equals(r.status()) && "550".equals(r.replyCode())));
    }

    @Test
    void gmailMultilineReplyKeepsCodeAndText() {
        ParsedMessage m = parse("gmail-550-5.7.1-spam.eml");
        DeliveryRecord r = m.records().get(0);
        assertEquals("dave@gmail.com", r.recipient());
        assertEquals("5.7.1", r.status());
        assertEquals("550", r.replyCode());
        assertTrue(r.diagnostic().contains("likely unsolicited mail"));
        assertEquals("googlemail.com", r.reportingMta());
        assertEquals("weekly-48", m.original().headers().get("X-Campaign-Id"));
        assertEquals("<news-42@bouncesweeper.test>", m.original().messageId());
    }

    @Test
    void microsoftBannedIp() {
        ParsedMessage m = parse("microsoft-550-5.7.606-banned-ip.eml");
        DeliveryRecord r = m.records().get(0);
        assertEquals("erin@contoso.example", r.recipient());
        assertEquals("5.7.606", r.status());
        assertEquals("550", r.replyCode());
        assertTrue(r.diagnostic().contains("banned sending IP"));
        assertEquals("sub-77", m.original().headers().get("X-Subscriber-Id"));
    }

    @Test
    void arfComplaint() {
        ParsedMessage m = parse("arf-abuse-complaint.eml");
        assertEquals(ParseOutcome.PARSED, m.outcome());
        DeliveryRecord r = m.records().get(0);
        assertEquals(RecordKind.COMPLAINT, r.kind());
        assertEquals("frank@mail.example", r.recipient());
        assertEquals("abuse", r.feedbackType());
        assertEquals("weekly-48", m.original().headers().get("X-Campaign-Id"));
    }

    @Test
    void autoReplyNamesItsSender() {
        ParsedMessage m = parse("autoreply-out-of-office.eml");
        assertEquals(ParseOutcome.PARSED, m.outcome());
        DeliveryRecord r = m.records().get(0);
        assertEquals(RecordKind.AUTOREPLY, r.kind());
        assertEquals("grace@example.com", r.recipient());
    }

    @Test
    void ordinaryMailIsNotAReport() {
        ParsedMessage m = parse("not-a-report-human-reply.eml");
        assertEquals(ParseOutcome.NOT_A_REPORT, m.outcome());
        assertTrue(m.records().isEmpty());
        assertNull(m.error());
    }

    @ParameterizedTest
    @CsvSource({"not-a-report-newsletter.eml", "not-a-report-human-reply.eml"}) // a read receipt is a notice: NoticesTest
    void ordinaryMailKindsAreNotReports(String fixture) {
        ParsedMessage m = parse(fixture);
        assertEquals(ParseOutcome.NOT_A_REPORT, m.outcome(), String.valueOf(m.records()));
        assertTrue(m.records().isEmpty());
    }

    @Test
    void aPersonsReplyToABounceIsNotAReport() {
        ParsedMessage m = parse("not-a-report-reply-to-bounce.eml");
        assertEquals(ParseOutcome.NOT_A_REPORT, m.outcome());
        assertTrue(m.records().isEmpty());
    }

    @Test
    void garbageIsUnparsedWithAReason() {
        ParsedMessage m = parse("garbage.eml");
        assertEquals(ParseOutcome.UNPARSED, m.outcome());
        assertNotNull(m.error());
    }

    @Test
    void truncatedBounceIsUnparsed() {
        ParsedMessage m = parse("dsn-truncated-before-report.eml");
        assertEquals(ParseOutcome.UNPARSED, m.outcome(), String.valueOf(m.records()));
        assertNotNull(m.error());
    }

    @Test
    void eximTextBounceWithRetryTimeoutHintsExpired() {
        ParsedMessage m = parse("exim-retry-timeout-exceeded.eml");
        assertEquals(ParseOutcome.PARSED, m.outcome());
        DeliveryRecord r = m.records().get(0);
        assertEquals("ivan@example.org", r.recipient());
        assertEquals("Exim", r.decoder());
        assertEquals("expired", r.reasonHint());
        assertNull(r.replyCode());
        assertEquals("weekly-48", m.original().headers().get("X-Campaign-Id"));
    }

    @Test
    void eximTextBounceKeepsEachRecipientsOwnReply() {
        List<DeliveryRecord> rs = parse("exim-550-two-recipients.eml").records();
        assertEquals(2, rs.size());
        assertEquals("judy@example.net", rs.get(0).recipient());
        assertEquals("550", rs.get(0).replyCode());
        assertEquals("5.1.1", rs.get(0).status());
        assertEquals("RCPT", rs.get(0).smtpCommand());
        assertEquals("mallory@example.com", rs.get(1).recipient());
        assertEquals("552", rs.get(1).replyCode());
        assertEquals("5.2.2", rs.get(1).status());
        assertEquals("DATA", rs.get(1).smtpCommand());
    }

    @Test
    void qmailBounce() {
        DeliveryRecord r = parse("qmail-no-mailbox.eml").records().get(0);
        assertEquals("oscar@example.jp", r.recipient());
        assertEquals("5.1.1", r.status());
        assertEquals("qmail", r.decoder());
        assertEquals("userunknown", r.reasonHint());
    }

    @Test
    void emptyAndNullInputAreUnparsed() {
        assertEquals(ParseOutcome.UNPARSED, parser.parse(new byte[0]).outcome());
        assertEquals(ParseOutcome.UNPARSED, parser.parse(null).outcome());
    }

    @Test
    void mboxYieldsRecordsOfAllMessagesInOrder() {
        ParsedMessage m = parse("mbox-three-bounces.mbox");
        assertEquals(ParseOutcome.PARSED, m.outcome());
        assertEquals(List.of("5.1.1", "4.2.2", "5.1.1", "5.1.1", "5.1.1"),
                m.records().stream().map(DeliveryRecord::status).toList());
        assertEquals("<20261127210005.4AB12C0011@mta1.bouncesweeper.test>", m.messageId());
    }

    /** Two mbox files glued together: the second envelope line follows the first message's last line directly. */
    @Test
    void mboxSeparatorWithoutBlankLineStillSplitsOnAWholeEnvelopeLine() {
        String first = new String(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String second = new String(Fixtures.bytes("dsn-452-4.2.2-mailbox-full.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String glued = "From MAILER-DAEMON  Thu Jul  2 12:05:05 2020\n" + first.stripTrailing() + "\n"
                + "From double-bounce@mta.example.net  Thu Jul  2 12:05:05 2020\n" + second;
        ParsedMessage m = parser.parse(glued.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of("5.1.1", "4.2.2"), m.records().stream().map(DeliveryRecord::status).toList());
    }

    /** Body text that starts "From " is no separator, nor is an envelope-like line that no header follows. */
    @Test
    void bodyLinesStartingWithFromDoNotSplitAnMbox() {
        String first = new String(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String body = first.stripTrailing() + "\nFrom here on the text goes on: nothing new\n"
                + "From someone Thu Jul  2 12:05:05 2020\nwhich is only a quoted line\n";
        ParsedMessage m = parser.parse(("From MAILER-DAEMON  Thu Jul  2 12:05:05 2020\n" + body)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of("5.1.1"), m.records().stream().map(DeliveryRecord::status).toList());
    }

    /** The ARF draft's own example has "boundary=" on an unindented line: still a complaint, not two bounces. */
    @Test
    void aFeedbackReportWithAnUnfoldedBoundaryIsStillAComplaint() {
        ParsedMessage m = parse("arf-unfolded-boundary-parameter.eml");
        assertEquals(List.of(RecordKind.COMPLAINT), m.records().stream().map(DeliveryRecord::kind).toList());
        assertEquals("carol@isp.example", m.records().get(0).recipient());
    }

    /** Before RFC 5965 the drafts' opt-out reports named the address as Removal-Recipient. */
    @Test
    void aDraftOptOutReportNamesItsRecipientInRemovalRecipient() {
        ParsedMessage m = parse("arf-draft-opt-out-removal-recipient.eml");
        assertEquals(List.of(RecordKind.COMPLAINT), m.records().stream().map(DeliveryRecord::kind).toList());
        assertEquals("dave@isp.example", m.records().get(0).recipient());
        assertEquals("opt-out", m.records().get(0).feedbackType());
    }

    /** Some servers write their reply into Status: it is no status, but it is the only diagnostic the report has. */
    @Test
    void aReplyWrittenIntoTheStatusFieldBecomesTheDiagnostic() {
        String mail = """
                From: MAILER-DAEMON@mx.example.net
                To: news@example.com
                Subject: Failed mail: exceeded maximum incoming message size
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                This mail message has exceeded the maximum incoming message size.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mx.example.net

                Final-Recipient: rfc822;ann@example.net
                Action: failure
                Status: 553 Exceeded maximum inbound message size

                --b--
                """.replace("\n", "\r\n");
        List<DeliveryRecord> records = parser.parse(mail.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).records();
        assertEquals(1, records.size());
        DeliveryRecord r = records.get(0);
        assertEquals("ann@example.net", r.recipient());
        assertNull(r.status());
        assertEquals("553", r.replyCode());
        assertEquals("553 Exceeded maximum inbound message size", r.diagnostic());
    }

    /** A warning that says the mail was not delivered *yet* is a delay notice, not a failure. */
    @Test
    void aNotYetDeliveredWarningIsADelay() {
        String mail = """
                From: postmaster@mx.example.net
                To: news@example.com
                Subject: Delivery Notification

                ann@example.net has not yet been delivered because the recipient server did not respond.
                This is just a warning, you do not need to take any action.
                """.replace("\n", "\r\n");
        List<DeliveryRecord> records = parser.parse(mail.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).records();
        assertEquals(List.of(RecordKind.DELAYED), records.stream().map(DeliveryRecord::kind).toList());
        assertEquals("ann@example.net", records.get(0).recipient());
    }

    /**
     * Exchange 5.5/2003 quote the original's To above "did not reach the following recipient(s)" and name
     * the failed recipient below it only in X.400 form: the list address above must not be taken for it.
     */
    @Test
    void anExchangeX400RecipientIsReadAndTheQuotedToIsNot() {
        String mail = """
                From: System Administrator <postmaster@corp.example>
                To: news-bounces@example.com
                Subject: Undeliverable: Weekly news
                X-MS-Embedded-Report:
                Content-Type: text/plain

                Your message

                  To:      news@example.com
                  Subject: Weekly news
                  Sent:    Fri, 4 Oct 2002 17:10:56 -0400

                did not reach the following recipient(s):

                c=US;a= ;p=CORP;o=Site2;dda:SMTP=ann@corp.example; on Fri, 4 Oct 2002
                17:12:28 -0400
                    The recipient name is not recognized
                    MSEXCH:IMS:CORP:Site2:IMS-01 0 (000C05A6) Unknown Recipient
                """.replace("\n", "\r\n");
        List<DeliveryRecord> records = parser.parse(mail.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).records();
        assertEquals(List.of("ann@corp.example"), records.stream().map(DeliveryRecord::recipient).toList());
        assertTrue(records.get(0).diagnostic().contains("The recipient name is not recognized"), records.get(0).diagnostic());
    }
}
