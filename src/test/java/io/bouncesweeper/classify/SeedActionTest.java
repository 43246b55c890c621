package io.bouncesweeper.classify;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.OperatorAction;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed pairs decide the operator action even when the words decided the reason. */
class SeedActionTest {
    private static final BounceClassifier classifier = new DefaultBounceClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "421 | 4.7.0 | 421 4.7.0 Try again later                          | WAIT_AND_RETRY",
            "450 | 4.2.1 | 450 4.2.1 Mailbox temporarily unavailable          | RETRY",
            "452 | 4.2.2 | 452 4.2.2 Mailbox full                             | RETRY_AND_NOTIFY",
            "553 | 5.1.3 | 553 5.1.3 Invalid address                          | FIX_ADDRESS",
            "550 | 5.7.1 | 550 5.7.1 Rejected for local policy reasons        | CHECK_AUTHENTICATION_REPUTATION",
            "554 | 5.7.9 | 554 5.7.9 Message not accepted for policy reasons | REVIEW_CONTENT",
            "551 | 5.1.6 | 551 5.1.6 User has moved                          | UPDATE_ADDRESS",
    })
    void actionFollowsThePair(String reply, String status, String diagnostic, OperatorAction expected) {
        DeliveryRecord r = DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.net").action("failed")
                .replyCode(reply).status(status).diagnostic("smtp; " + diagnostic).build();

        assertEquals(expected, classifier.classify(r).action(), classifier.classify(r).toString());
    }
}
