package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ZohoDecoderTest {
    @Test
    void readsTheInvalidAddressLine() {
        DeliveryRecord r = only("zoho-invalid-address.eml");
        assertEquals("oscar@example.co.in", r.recipient());
        assertEquals("Zoho", r.decoder());
        assertEquals("5.1.1", r.status());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }

    @Test
    void hostNotReachableIsExpired() {
        DeliveryRecord r = only("zoho-host-not-reachable.eml");
        assertEquals("paul@unreachable.example", r.recipient());
        assertEquals("expired", r.reasonHint());
        assertEquals(Reason.EXPIRED, classify(r).reason());
    }
}
