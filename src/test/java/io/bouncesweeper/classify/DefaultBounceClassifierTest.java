package io.bouncesweeper.classify;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultBounceClassifierTest {

    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    private static Classification bounce(String reply, String status, String diagnostic) {
        return CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("someone@example.org")
                .replyCode(reply).status(status).diagnostic(diagnostic).build());
    }

    /** The seed table: codes with a text that names no reason, so the status table decides. */
    @ParameterizedTest(name = "{0} {1} -> {2}, {3}")
    @CsvSource({
            "421, 4.7.0, ratelimited, wait-and-retry, soft",
            "450, 4.2.1, suspend, retry, soft",
            "451, 4.3.0, systemerror, retry, soft",
            "452, 4.2.2, mailboxfull, retry-and-notify, soft",
            "550, 5.1.1, userunknown, remove, hard",
            "550, 5.2.1, suspend, remove, soft",
            "550, 5.7.1, securityerror, check-authentication-reputation, soft",
            "551, 5.1.6, hasmoved, update-address, hard",
            "552, 5.2.3, emailtoolarge, reduce-size, soft",
            "552, 5.3.4, emailtoolarge, reduce-size, soft",
            "553, 5.1.3, userunknown, fix-address, hard",
            "553, 5.1.7, rejected, fix-address, soft",
            "554, 5.7.1, securityerror, review-content, soft",
            "554, 5.7.9, policyviolation, review-content, soft",
    })
    void seedCodesDecideWhenTheTextSaysNothing(String reply, String status, String reason, String action, String bounceClass) {
        Classification c = bounce(reply, status, reply + " " + status + " Message rejected");

        assertEquals(Reason.ofCode(reason), c.reason());
        assertEquals(OperatorAction.ofCode(action), c.action());
        assertEquals(BounceClass.valueOf(bounceClass.toUpperCase()), c.bounceClass());
        assertEquals(status, c.status());
        assertTrue(c.rule().startsWith("status:"), c.rule());
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
            "421 | 4.7.28 | gmail-smtp-in.l.google.com | 421-4.7.28 Our system has detected an unusual rate of unsolicited mail | ratelimited     | slow-down | provider:gmail:4.7.28",
            "550 | 5.7.1 | mx.google.com | 550-5.7.1 Our system has detected that this message is likely unsolicited mail | blocked | check-authentication-reputation | provider:gmail:5.7.1",
            "450 | 4.2.1 | mx.google.com | 450-4.2.1 The user you are trying to contact is receiving mail too quickly | ratelimited     | retry | provider:gmail:4.2.1",
            "550 | 5.7.26 | mx.google.com | 550-5.7.26 This message does not have authentication information | authfailure | check-authentication-reputation | provider:gmail:5.7.26",
            "552 | 5.2.2 | mx.google.com | 552-5.2.2 The email account that you tried to reach is over quota | mailboxfull | retry-and-notify | provider:gmail:5.2.2",
            "550 | 5.7.606 | x.mail.protection.outlook.com | 550 5.7.606 Access denied, banned sending IP [192.0.2.1] | blocked | request-delisting | provider:microsoft:5.7.606",
            "550 | 5.7.708 | x.mail.protection.outlook.com | 550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP | blocked | authenticate-join-snds | provider:microsoft:5.7.708",
            "550 | 5.4.1 | x.mail.protection.outlook.com | 550 5.4.1 Recipient address rejected: Access denied | userunknown | remove | provider:microsoft:5.4.1",
            "451 | 4.7.650 | x.mail.protection.outlook.com | 451 4.7.650 The mail server has been temporarily rate limited due to IP reputation | badreputation | check-authentication-reputation | provider:microsoft:4.7.650",
            "421 | 4.7.0 | mta5.am0.yahoodns.net | 421 4.7.0 [TSS04] Messages temporarily deferred due to unexpected volume | ratelimited     | wait-and-retry | provider:yahoo:\"tss04\"",
            "554 | 5.0.0 | mta5.am0.yahoodns.net | 554 delivery error: dd This user doesn't have a yahoo.com account | userunknown | remove | provider:yahoo:\"delivery error: dd\"",
            "554 | 5.0.0 | mta5.am0.yahoodns.net | 554 delivery error: dd Sorry your message cannot be delivered. This mailbox is disabled (554.30) | suspend | remove | provider:yahoo:\"mailbox is disabled\"",
            "550 | 5.7.1 | mx.google.com | 550-5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address | blocked | check-authentication-reputation | provider:gmail:5.7.1",
    })
    void providerRulesBeatGenericOnes(String reply, String status, String mta, String text, String reason, String action, String rule) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode(reply).status(status).remoteMta(mta).diagnostic(text).build());

        assertEquals(Reason.ofCode(reason), c.reason());
        assertEquals(OperatorAction.ofCode(action), c.action());
        assertEquals(rule, c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 <x@example.org>: Recipient address rejected: User unknown in virtual mailbox table | userunknown | HARD",
            "550 No such user here | userunknown | HARD",
            "Mailbox not found | userunknown | HARD",
            "552 5.2.2 Mailbox full | mailboxfull | SOFT",
            "Quota exceeded (mailbox for user is full) | mailboxfull | SOFT",
            "Host or domain name not found. Name service error for name=example.invalid | hostunknown | HARD",
            "554 5.7.1 <x@example.org>: Relay access denied | norelaying | SOFT",
            "Retry timeout exceeded | expired | SOFT",
            "550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org | blocked | SOFT",
            "550 Message rejected as spam by Content Filtering | spamdetected | SOFT",
            "550 5.7.26 Unauthenticated email is not accepted: DMARC policy | authfailure | SOFT",
            "450 4.7.1 Client host rejected: cannot find your reverse hostname | requireptr | SOFT",
            "552 Message size exceeds fixed maximum message size | emailtoolarge | SOFT",
            "550 5.5.0 Adresse destinataire invalide. Invalid recipient. | userunknown | HARD",
            "552 Postfach voll | mailboxfull | SOFT",
            "connect to mx.example.org[192.0.2.1]:25: No route to host | networkerror | SOFT",
            "connect to mx.example.org[192.0.2.1]:25: Connection timed out | expired | SOFT",
    })
    void phrasesDecideOverCodes(String text, String reason, BounceClass bounceClass) {
        Classification c = atRcpt(null, null, text);

        assertEquals(Reason.ofCode(reason), c.reason(), c.rule());
        assertEquals(bounceClass, c.bounceClass());
        assertTrue(c.rule().startsWith("phrase:" + reason + ":\""), c.rule());
    }

    /** A record refused at RCPT TO: unknown-user words there are the recipient's directory speaking. */
    private static Classification atRcpt(String reply, String status, String diagnostic) {
        return CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("someone@example.org")
                .replyCode(reply).status(status).smtpCommand("RCPT").diagnostic(diagnostic).build());
    }

    @Test
    void phrasesMatchAcrossFoldedLinesAndCase() {
        Classification c = atRcpt("550", "5.0.0", "Requested action not taken:\r\n\tNO  SUCH\r\n USER");

        assertEquals(Reason.USER_UNKNOWN, c.reason());
        assertEquals("phrase:userunknown:\"no such user\"", c.rule());
    }

    @Test
    void strongPhraseBeatsWeakPhraseOfHigherRankedReason() {
        // "recipient address rejected" alone is weak evidence of an unknown user; "domain not found" is strong
        Classification c = bounce("550", null, "Recipient address rejected: Domain not found");

        assertEquals(Reason.HOST_UNKNOWN, c.reason());
    }

    @Test
    void parserHintWins() {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE)
                .status("4.4.7").diagnostic("550 user unknown").reasonHint("expired").build());

        assertEquals(Reason.EXPIRED, c.reason());
        assertEquals("hint:expired", c.rule());
        assertEquals(BounceClass.SOFT, c.bounceClass());
    }

    @Test
    void temporaryCodesAreAlwaysSoft() {
        Classification c = bounce("450", "4.1.1", "User unknown");

        assertEquals(Reason.USER_UNKNOWN, c.reason());
        assertEquals(BounceClass.SOFT, c.bounceClass());
    }

    @Test
    void notAcceptIsHardOnlyWithPermanentCode() {
        assertEquals(BounceClass.HARD, bounce("556", "5.1.10", "Domain does not accept mail").bounceClass());
        assertEquals(BounceClass.SOFT, bounce("421", "4.3.2", "Domain does not accept mail").bounceClass());
    }

    @Test
    void statusFoundInTheTextWhenTheRecordHasNone() {
        Classification c = bounce(null, null, "550 5.2.2 <x@example.org>... Please try again");

        assertEquals("5.2.2", c.status());
        assertEquals(Reason.MAILBOX_FULL, c.reason());
        assertEquals("status:5.2.2(text)", c.rule());
    }

    @Test
    void genericStatusDerivedFromReasonWhenMailHasNone() {
        assertEquals("5.1.1", atRcpt("550", null, "no such user").status());
        assertEquals("5.2.2", bounce(null, null, "mailbox is full").status());
        assertEquals("4.2.2", bounce("452", null, "mailbox is full").status());
        assertEquals("5.1.2", bounce(null, null, "host unknown").status());
        assertEquals("4.4.7", bounce(null, null, "retry timeout exceeded").status());
        assertEquals("5.0.0", bounce("554", null, "message rejected for no known cause").status());
    }

    @Test
    void temporaryHostNotFoundIsANetworkError() {
        Classification c = bounce(null, "4.0.0", "DNS Error: DNS type 'mx' lookup of example.invalid responded with code NXDOMAIN Domain name not found");

        assertEquals(Reason.NETWORK_ERROR, c.reason());
        assertEquals("phrase:hostunknown:\"domain name not found\">4xx", c.rule());
    }

    @Test
    void finalFailureWithTemporaryCodeAndNoWordsIsExpired() {
        Classification c = bounce(null, "4.0.0", "");

        assertEquals(Reason.EXPIRED, c.reason());
        assertEquals("final-4xx", c.rule());
    }

    @Test
    void remoteServersStatusInTheTextBeatsTheReportsSummary() {
        Classification c = bounce("550", "5.1.0", "5.1.0 - Unknown address error 550-'5.2.2 <a@example.org>... Mailbox Full'");

        assertEquals("5.2.2", c.status());
        assertEquals(Reason.MAILBOX_FULL, c.reason());
    }

    @Test
    void repeatedCodesOfAMultiLineReplyDoNotSplitPhrases() {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").status("5.7.1")
                .remoteMta("gmail-smtp-in.l.google.com")
                .diagnostic("550-5.7.1 This message is not RFC 5322\n550-5.7.1 compliant. gsmtp").build());

        assertEquals(Reason.NOT_COMPLIANT_RFC, c.reason());
    }

    private static Classification carrier(String recipient, String mta, String status, String command, String text) {
        return CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient(recipient).remoteMta(mta)
                .replyCode("550").status(status).smtpCommand(command).diagnostic(text).build());
    }

    @Test
    void docomoTellsFilterFromUnknownUserByCodeAndCommand() {
        String text = "550 Unknown user a@docomo.ne.jp";
        Classification atRcpt = carrier("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "5.0.0", "RCPT", text);
        Classification afterData = carrier("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "5.0.0", "DATA", text);
        Classification byStatus = carrier("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "5.2.0", null, text);

        assertEquals(Reason.USER_UNKNOWN, atRcpt.reason());
        assertEquals("provider:docomo:5.0.0", atRcpt.rule());
        assertEquals(Reason.REJECTED, afterData.reason());
        assertEquals(Reason.FILTERED, byStatus.reason());
        assertEquals("provider:docomo:5.2.0", byStatus.rule());
    }

    @Test
    void kddiEmptyAddressInTheAnswerMeansItsFilterRefused() {
        Classification filter = carrier("a@ezweb.ne.jp", "lsean.ezweb.ne.jp", "5.0.0", null, "550 : User unknown");
        Classification unknown = carrier("a@ezweb.ne.jp", "lsean.ezweb.ne.jp", "5.0.0", null, "550 <a@ezweb.ne.jp>: User unknown");

        assertEquals(Reason.FILTERED, filter.reason());
        assertEquals(Reason.USER_UNKNOWN, unknown.reason());
        assertEquals(BounceClass.HARD, unknown.bounceClass());
    }

    @Test
    void unknownUserWordsWithoutRcptRefusalOrX11CodeReadAsAFilter() {
        Classification noCommand = bounce("550", null, "550 <a@example.org>: User unknown");
        Classification atRcpt = atRcpt("550", null, "550 <a@example.org>: User unknown");
        Classification byCode = bounce("550", "5.1.1", "550 5.1.1 <a@example.org>: User unknown");
        Classification transcript = bounce("550", null, ">>> RCPT To:<a@example.org> <<< 550 <a@example.org>... User unknown");

        assertEquals(Reason.FILTERED, noCommand.reason());
        assertEquals("phrase:userunknown:\"user unknown\">nocommand", noCommand.rule());
        assertEquals(BounceClass.SOFT, noCommand.bounceClass());
        assertEquals(Reason.USER_UNKNOWN, atRcpt.reason());
        assertEquals(Reason.USER_UNKNOWN, byCode.reason(), byCode.rule());
        assertEquals(Reason.USER_UNKNOWN, transcript.reason(), transcript.rule());
    }

    @Test
    void anX11CodeKeepsAnUnknownUserEvenAfterData() {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").status("5.1.1")
                .smtpCommand("DATA").diagnostic("550 5.1.1 <a@example.org>... User unknown").build());

        assertEquals(Reason.USER_UNKNOWN, c.reason());
        assertEquals("phrase:userunknown:\"user unknown\"", c.rule());
    }

    @Test
    void lastCommandOfATranscriptIsTheRefusedOne() {
        Classification c = bounce("550", null, ">>> RCPT To:<a@example.org> <<< 250 OK >>> DATA <<< 550 Unknown user a@example.org");

        assertEquals(Reason.FILTERED, c.reason());
        assertEquals("phrase:userunknown:\"unknown user\">data", c.rule());
    }

    @Test
    void accessDeniedReadsByTheCommandAndTheCode() {
        Classification atMail = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").status("5.7.1")
                .smtpCommand("MAIL").diagnostic("550 5.7.1 Access denied").build());
        Classification noCommand = bounce("550", "5.7.1", "550 5.7.1 Access denied");
        Classification atConnect = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550")
                .smtpCommand("CONNECT").diagnostic("550 Access denied").build());

        assertEquals(Reason.REJECTED, atMail.reason());
        assertEquals("status:550 5.7.1>mail", atMail.rule());
        assertEquals(Reason.SECURITY_ERROR, noCommand.reason());
        assertEquals(Reason.BLOCKED, atConnect.reason());
    }

    @Test
    void aGoogleGroupsAddressRefusingAPostIsARejectedSender() {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("club@googlegroups.com").build());

        assertEquals(Reason.REJECTED, c.reason());
        assertEquals("provider:googlegroups", c.rule());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "smtp-in.orange.fr | 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506] | spamdetected",
            "smtpz4.laposte.net | 550 5.5.0 Adresse destinataire invalide. Invalid recipient. LPN007_416 | userunknown",
            "smtp-in.orange.fr | 421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. OFR_999 [999] | blocked",
            "mx.charter.net | 550 5.1.0 <a@example.org> sender rejected. AUP#In-1310 | ratelimited",
            "cxr.mx.a.cloudfilter.net | 550 5.1.0 <a@example.org> sender rejected. Refer to https://www.cox.com/residential/support/email-error-codes.html AUP#CDRBL | blocked",
            "us-smtp-inbound-1.mimecast.com | 554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554 | policyviolation",
            "mx.example.co.jp | kijitora@example.jp The recipient name is not recognized MSEXCH:IMS:NNN:CAT:NEKO 0 (000C05A6) Unknown Recipient | userunknown",
            "p3plibsmtp01.prod.phx3.secureserver.net | 550 5.1.1 <a@example.net> - 192.0.2.1 has sent to too many recipients this hour. IB607 | ratelimited",
            "mx3.qq.com | 550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help | ratelimited",
            "mx.mail.icloud.com | 550 5.7.1 [CS01] Message rejected due to local policy. | policyviolation",
            "mx.email.ua | 550 Mailbox unavailable: https://mail.i.ua/err/2/ | userunknown",
    })
    void providerCodeTables(String mta, String text, String reason) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.net")
                .remoteMta(mta).diagnostic(text).build());

        assertEquals(Reason.ofCode(reason), c.reason(), c.rule());
        assertTrue(c.rule().startsWith("provider:"), c.rule());
    }

    @Test
    void refusedCommandCorrectsTheReason() {
        Classification sender = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("553").smtpCommand("MAIL")
                .diagnostic("553 Domain of sender address does not exist... user unknown").build());
        Classification afterData = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").smtpCommand("DATA")
                .diagnostic("550 Unknown user").build());
        Classification atEhlo = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).replyCode("550").smtpCommand("EHLO")
                .diagnostic("550 Go away").build());

        assertEquals(Reason.REJECTED, sender.reason());
        assertEquals(Reason.FILTERED, afterData.reason());
        assertEquals("phrase:userunknown:\"unknown user\">data", afterData.rule());
        assertEquals(Reason.BLOCKED, atEhlo.reason());
        assertEquals("reply:550>ehlo", atEhlo.rule());
    }

    @Test
    void specificStatusBeatsAWeakPhrase() {
        Classification c = bounce("550", "5.6.0", "550 5.6.0 <a@example.org>: Recipient address rejected: Media error");

        assertEquals(Reason.CONTENT_ERROR, c.reason());
        assertEquals("status:5.6.0", c.rule());
    }

    @Test
    void refusedCommandReadFromStandardReportWording() {
        Classification c = bounce(null, "5.0.0", "Connected to 192.0.2.1 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name");

        assertEquals(Reason.BLOCKED, c.reason());
        assertEquals("phrase:hostunknown:\"invalid domain\">helo", c.rule());
    }

    @Test
    void versionNumbersAreNoStatus() {
        assertEquals("5.0.0", bounce("554", null, "554 refused by gw (Lotus SMTP MTA v4.6.1)").status());
    }

    @Test
    void replyCodeAloneFallsBack() {
        Classification c = bounce("552", null, "");

        assertEquals(Reason.MAILBOX_FULL, c.reason());
        assertEquals("reply:552", c.rule());
    }

    @Test
    void nothingKnownIsUndefinedAndSoft() {
        Classification c = bounce(null, null, "gibberish");

        assertEquals(Reason.UNDEFINED, c.reason());
        assertEquals(BounceClass.SOFT, c.bounceClass());
        assertEquals("undefined", c.rule());
    }

    @Test
    void nonBounceKinds() {
        Classification delivered = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.DELIVERED).status("2.1.5").build());
        Classification complaint = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.COMPLAINT).feedbackType("abuse").build());
        Classification autoreply = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.AUTOREPLY).build());

        assertEquals(Reason.DELIVERED, delivered.reason());
        assertEquals(BounceClass.NONE, delivered.bounceClass());
        assertEquals("2.1.5", delivered.status());
        assertEquals(Reason.FEEDBACK, complaint.reason());
        assertEquals(OperatorAction.UNSUBSCRIBE, complaint.action());
        assertEquals(Reason.VACATION, autoreply.reason());
        assertEquals(BounceClass.NONE, autoreply.bounceClass());
    }

    @Test
    void neverThrows() {
        Classification c = CLASSIFIER.classify(null);
        assertEquals(Reason.UNDEFINED, c.reason());

        Classification odd = bounce("5x0", "5.1", "\u0000\uffff");
        assertEquals(Reason.UNDEFINED, odd.reason());
    }
}
