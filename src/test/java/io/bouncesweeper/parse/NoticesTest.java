package io.bouncesweeper.parse;

import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delay warnings, challenge-response requests and read receipts are recognised as their own kinds. */
class NoticesTest {
    private final DefaultBounceParser parser = new DefaultBounceParser();
    private final DefaultBounceClassifier classifier = new DefaultBounceClassifier();

    private DeliveryRecord only(String fixture) {
        ParsedMessage m = parser.parse(Fixtures.bytes(fixture));
        assertEquals(ParseOutcome.PARSED, m.outcome(), fixture + ": " + m.error());
        assertEquals(1, m.records().size(), String.valueOf(m.records()));
        return m.records().get(0);
    }

    @ParameterizedTest
    @CsvSource({
            "notice-postfix-delayed-4.4.1.eml,        DELAYED,   henry@slow.example.org",
            "notice-exim-warning-delayed.eml,         DELAYED,   irene@greylist.example.com",
            "notice-exchange-delivery-delayed.eml,    DELAYED,   judy@partner.example.net",
            "notice-challenge-guest-list.eml,         CHALLENGE, carol@example.net",
            "notice-challenge-confirm-human.eml,      CHALLENGE, dave@example.org",
            "notice-mdn-displayed.eml,                RECEIPT,   kate@example.com",
            "notice-receipt-plain-read.eml,           RECEIPT,   leo@example.net",
            "not-a-report-read-receipt.eml,           RECEIPT,   liam@example.com",
            "dsn-421-4.7.0-try-again-later.eml,       DELAYED,   alice@example.net",
    })
    void eachNoticeIsRecognisedAsItsKind(String fixture, RecordKind kind, String recipient) {
        DeliveryRecord r = only(fixture);
        assertEquals(kind, r.kind(), String.valueOf(r));
        assertEquals(recipient, r.recipient());
        assertTrue(r.kind().isNotice());
    }

    @Test
    void postfixDelayKeepsWhatTheReportSaysAndTheClassifierStillNamesAReason() {
        DeliveryRecord r = only("notice-postfix-delayed-4.4.1.eml");
        assertEquals("delayed", r.action());
        assertEquals("4.4.1", r.status());
        assertTrue(r.diagnostic().contains("Connection timed out"), r.diagnostic());
        assertEquals("mta1.bouncesweeper.test", r.reportingMta());

        Classification c = classifier.classify(r);
        assertEquals(BounceClass.SOFT, c.bounceClass());
        assertEquals(Reason.EXPIRED, c.reason());
        assertEquals("4.4.1", c.status());
    }

    @Test
    void eximWarningKeepsTheRemoteServersReply() {
        DeliveryRecord r = only("notice-exim-warning-delayed.eml");
        assertEquals("451", r.replyCode());
        assertEquals("4.7.1", r.status());
        assertEquals(BounceClass.SOFT, classifier.classify(r).bounceClass());
    }

    @Test
    void exchangeDelayKeepsStatusAndReply() {
        DeliveryRecord r = only("notice-exchange-delivery-delayed.eml");
        assertEquals("4.4.7", r.status());
        assertEquals("400", r.replyCode());
        assertEquals(Reason.EXPIRED, classifier.classify(r).reason());
    }

    @Test
    void receiptsAndChallengesAreNoFailures() {
        for (String fixture : new String[]{"notice-mdn-displayed.eml", "notice-challenge-confirm-human.eml",
                "notice-challenge-guest-list.eml", "notice-receipt-plain-read.eml"}) {
            Classification c = classifier.classify(only(fixture));
            assertEquals(BounceClass.NONE, c.bounceClass(), fixture);
            assertNull(c.status(), fixture);
        }
    }

    @Test
    void mdnFieldsAreRead() {
        DeliveryRecord r = only("notice-mdn-displayed.eml");
        assertEquals("displayed", r.action());
        assertEquals("kate@example.com", r.originalRecipient());
        assertEquals("mail.example.com", r.reportingMta());
        assertEquals(DispositionNotificationDecoder.NAME, r.decoder());
    }

    @Test
    void aReportWithOneFailedAndOneDelayedRecipientKeepsItsBounce() {
        String mail = """
                From: MAILER-DAEMON@mta.example (Mail Delivery System)
                To: news@bouncesweeper.test
                Subject: Delayed Mail (still being retried)
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                THIS IS A WARNING ONLY.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mta.example

                Final-Recipient: rfc822; gone@example.net
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 no such user

                Final-Recipient: rfc822; slow@example.net
                Action: delayed
                Status: 4.4.1

                --b--
                """;
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.US_ASCII));
        assertEquals(RecordKind.BOUNCE, m.records().get(0).kind());
        assertEquals(RecordKind.DELAYED, m.records().get(1).kind());
    }

    @Test
    void aFinalTextBounceInAWarningMailStaysABounceWhenItsCodeIsPermanent() {
        String mail = """
                From: Mail Delivery System <Mailer-Daemon@relay.example>
                To: news@bouncesweeper.test
                Subject: Warning: message 1abc-000 delayed 24 hours

                This message was created automatically by mail delivery software.
                A message that you sent has not yet been delivered to one or more of its
                recipients after more than 24 hours on the queue on relay.example.

                  gone@example.net
                    SMTP error from remote mail server after RCPT TO:<gone@example.net>:
                    550 5.1.1 User unknown
                """;
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, m.records().size(), String.valueOf(m.records()));
        assertEquals(RecordKind.BOUNCE, m.records().get(0).kind());
    }

    @Test
    void anOrdinaryBounceIsNoNotice() {
        DeliveryRecord r = only("dsn-550-5.1.1-user-unknown.eml");
        assertEquals(RecordKind.BOUNCE, r.kind());
    }

    @Test
    void aHumanReplyAskingToConfirmIsNoChallenge() {
        String mail = """
                From: Olga <olga@example.com>
                To: news@bouncesweeper.test
                Subject: Re: Winter offers

                Could you confirm that you are a real person and not a robot? I never signed up.
                """;
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.US_ASCII));
        assertEquals(ParseOutcome.NOT_A_REPORT, m.outcome(), String.valueOf(m.records()));
    }

    @Test
    void aMachineSentVerificationRequestIsAChallengeWithoutAMarkedSubject() {
        String mail = """
                From: Pat Lee <pat@example.com>
                To: news@bouncesweeper.test
                Subject: Re: Winter offers
                Auto-Submitted: auto-replied

                My mailbox only accepts mail from senders who prove you are human.
                Click the link below to verify: https://example.com/v/1
                """;
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.US_ASCII));
        assertEquals(RecordKind.CHALLENGE, m.records().get(0).kind(), String.valueOf(m.records()));
        assertEquals("pat@example.com", m.records().get(0).recipient());
    }

    @Test
    void markersMatchWithGaps() {
        assertTrue(NoticeMarkers.matches("warning: message 1vpz8k-0001qa-3m delayed 24 hours", "warning: message * delayed"));
        assertEquals(false, NoticeMarkers.matches("warning: message rejected", "warning: message * delayed"));
    }
}
