package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EinsUndEinsDecoderTest {
    @Test
    void itsSizeLimitVerdictIsAMessageTooLarge() {
        DeliveryRecord r = only("einsundeins-size-limit.eml");
        assertEquals("nina@example.eu", r.recipient());
        assertEquals("EinsUndEins", r.decoder());
        assertEquals("emailtoolarge", r.reasonHint());
        assertEquals(Reason.ofCode("emailtoolarge"), classify(r).reason());
    }
}
