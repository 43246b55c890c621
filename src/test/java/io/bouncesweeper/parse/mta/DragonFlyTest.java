package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DragonFlyTest {
    @Test
    void itsSignatureLetsItsDnsVerdictNameTheReason() {
        DeliveryRecord r = only("dragonfly-dns-failure.eml");
        assertEquals("uma@nowhere.example", r.recipient());
        assertEquals("hostunknown", r.reasonHint());
        assertEquals(Reason.HOST_UNKNOWN, classify(r).reason());
    }
}
