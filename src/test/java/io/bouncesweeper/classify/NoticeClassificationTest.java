package io.bouncesweeper.classify;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Delays are classified like bounces but always soft; challenges and receipts are no failures. */
class NoticeClassificationTest {
    private final DefaultBounceClassifier classifier = new DefaultBounceClassifier();

    @Test
    void aDelayKeepsItsReason() {
        Classification c = classifier.classify(DeliveryRecord.builder(RecordKind.DELAYED)
                .status("4.2.2").replyCode("452").diagnostic("452 4.2.2 Mailbox full").build());
        assertEquals(Reason.MAILBOX_FULL, c.reason());
        assertEquals(BounceClass.SOFT, c.bounceClass());
        assertEquals("4.2.2", c.status());
    }

    @Test
    void aDelayIsSoftEvenWhenItsTextSoundsPermanent() {
        Classification c = classifier.classify(DeliveryRecord.builder(RecordKind.DELAYED)
                .diagnostic("550 5.1.1 user unknown").build());
        assertEquals(BounceClass.SOFT, c.bounceClass());
    }

    @Test
    void aDelayWithoutCodesGetsATemporaryStatus() {
        Classification c = classifier.classify(DeliveryRecord.builder(RecordKind.DELAYED).diagnostic("Network error").build());
        assertEquals('4', c.status().charAt(0), c.status());
    }

    @Test
    void challengesAndReceiptsAreNoFailures() {
        Classification challenge = classifier.classify(DeliveryRecord.builder(RecordKind.CHALLENGE).recipient("a@example.org").build());
        assertEquals(BounceClass.NONE, challenge.bounceClass());
        assertEquals(OperatorAction.NONE, challenge.action());
        assertEquals("kind:challenge", challenge.rule());
        assertNull(challenge.status());

        Classification receipt = classifier.classify(DeliveryRecord.builder(RecordKind.RECEIPT).recipient("a@example.org").build());
        assertEquals(BounceClass.NONE, receipt.bounceClass());
        assertEquals(Reason.DELIVERED, receipt.reason());
        assertEquals("kind:receipt", receipt.rule());
    }
}
