package io.bouncesweeper.classify;

import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Enhanced status codes whose reading follows Sisimai::SMTP::Status (5.x) where RFC 3463 / 7372 / 8617 /
 * 8689 agree with it: a code that says nothing about the address never removes it.
 */
class SisimaiStatusCodesTest {
    private static final DefaultBounceClassifier CLASSIFIER = new DefaultBounceClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "550, 5.1.4, filtered",
            "550, 5.1.9, systemerror",
            "452, 4.4.8, networkerror",
            "452, 5.5.3, ratelimited",
            "550, 5.5.5, systemerror",
            "550, 5.7.28, spamdetected",
            "550, 5.7.29, authfailure",
            "550, 5.7.30, failedstarttls",
            "538, 5.0.0, failedstarttls",
            "523, 5.0.0, failedstarttls",
    })
    void aCodeAloneNamesSisimaisReason(String reply, String status, String reason) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode(reply).status(status).diagnostic(reply + " " + status + " refused").build());
        assertEquals(Reason.ofCode(reason), c.reason(), c.toString());
    }

    /** None of these codes says the address is dead: they must not read as a hard bounce. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"5.1.4", "5.5.3", "5.5.5", "5.7.28", "5.7.29", "5.7.30"})
    void aCodeAboutTheTransactionIsNoHardBounce(String status) {
        Classification c = CLASSIFIER.classify(DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org")
                .replyCode("550").status(status).smtpCommand("RCPT").diagnostic("550 " + status + " refused").build());
        assertNotEquals(BounceClass.HARD, c.bounceClass(), c.toString());
    }
}
