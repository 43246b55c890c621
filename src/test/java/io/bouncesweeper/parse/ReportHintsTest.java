package io.bouncesweeper.parse;

import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reporting server says about its own verdict, whichever decoder read the report: an
 * appliance recognised by its signature (declared in its family file, registered in decoders.tsv) names the reason in its own words,
 * a vendor field of a recipient's report group names it per recipient, and the Diagnostic-Code
 * type says whether a local mailer rather than an SMTP server failed.
 */
class ReportHintsTest {
    private final BounceParser parser = new DefaultBounceParser();
    private final DefaultBounceClassifier classifier = new DefaultBounceClassifier();

    private List<DeliveryRecord> records(String fixture) {
        return parser.parse(Fixtures.bytes("report-hints/" + fixture)).records();
    }

    @Test
    void anApplianceSignatureLetsItsOwnWordingNameTheReason() {
        DeliveryRecord r = records("appliance-mcafee-unknown-user.eml").get(0);
        assertEquals("alice@example.net", r.recipient());
        assertEquals("userunknown", r.reasonHint());

        Classification c = classifier.classify(r);
        assertEquals(Reason.USER_UNKNOWN, c.reason());
        assertEquals(BounceClass.HARD, c.bounceClass());
        assertEquals("hint:userunknown", c.rule());
    }

    @Test
    void theSameWordsWithoutTheSignatureGiveNoHint() {
        DeliveryRecord r = records("appliance-unknown-user-no-signature.eml").get(0);
        assertNull(r.reasonHint()); // "unknown user" with no command named stays the classifier's call
    }

    @Test
    void symantecCloudsOwnReplyCodeForAnAddressItDoesNotKnowIsAnUnknownUser() {
        DeliveryRecord r = records("appliance-symantec-542-rejected.eml").get(0);
        assertEquals("alice@example.net", r.recipient());
        assertEquals("userunknown", r.reasonHint());
        assertEquals(BounceClass.HARD, classifier.classify(r).bounceClass());
    }

    @Test
    void aHintPhraseCountsOnlyAsWholeWords() {
        // "1542 2" in the message reference holds "542 " but not as a word of its own
        DeliveryRecord r = records("appliance-symantec-queue-id-542.eml").get(0);
        assertEquals("alice@example.net", r.recipient());
        assertNull(r.reasonHint());
    }

    @Test
    void anApplianceGivingUpAfterRetriesIsExpired() {
        DeliveryRecord r = records("appliance-imail-delivery-failed.eml").get(0);
        assertEquals("alice@example.net", r.recipient());
        assertEquals("expired", r.reasonHint());
    }

    @Test
    void aVendorCategoryFieldNamesTheReasonPerRecipient() {
        List<DeliveryRecord> rs = records("appliance-powermta-categories.eml");
        assertEquals(2, rs.size());
        assertEquals("alice@example.net", rs.get(0).recipient());
        assertEquals("userunknown", rs.get(0).reasonHint());
        assertEquals("bob@example.org", rs.get(1).recipient());
        assertEquals("mailboxfull", rs.get(1).reasonHint());
    }

    @Test
    void theDiagnosticTypeIsCarriedAndALocalMailerFailureIsAMailerError() {
        DeliveryRecord r = records("dsn-x-unix-pipe-failed.eml").get(0);
        assertEquals("x-unix", r.diagnosticType());

        Classification c = classifier.classify(r);
        assertEquals(Reason.MAILER_ERROR, c.reason());
        assertEquals("type:x-unix", c.rule());
    }

    @Test
    void anSmtpDiagnosticTypeIsCarriedToo() {
        DeliveryRecord r = parser.parse(Fixtures.bytes("dsn-550-5.1.1-user-unknown.eml")).records().get(0);
        assertEquals("smtp", r.diagnosticType());
    }

    @Test
    void sendmailsLocalDeliveryAgentNamesAnUnknownUserInTheTranscript() {
        DeliveryRecord r = records("sendmail-mail-local-unknown-user.eml").get(0);
        assertEquals("alice@example.net", r.recipient());
        assertEquals("userunknown", r.reasonHint()); // the "Service unavailable" summary says nothing
    }

    @Test
    void lotusNotesIsKnownByItsFailureReasonsRulerAndNamesAnUnknownUser() {
        DeliveryRecord r = records("notes-not-in-address-book.eml").get(0);
        assertEquals("nobody.here@example.org", r.recipient());
        assertEquals("userunknown", r.reasonHint());
        assertEquals(BounceClass.HARD, classifier.classify(r).bounceClass());

        // the same sentence without the Notes ruler is no Notes report: no hint
        String withoutRuler = new String(Fixtures.bytes("report-hints/notes-not-in-address-book.eml"),
                java.nio.charset.StandardCharsets.ISO_8859_1).replace("------- Failure Reasons  --------", "Failure:");
        List<DeliveryRecord> rs = parser.parse(withoutRuler.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).records();
        assertTrue(rs.isEmpty() || rs.get(0).reasonHint() == null);
    }
}
