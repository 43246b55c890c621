package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeutscheTelekomDecoderTest {
    @Test
    void readsTheAddressUnderTheFailedAddressesBanner() {
        DeliveryRecord r = only("deutschetelekom-quota.eml");
        assertEquals("rita@t-online.example", r.recipient());
        assertEquals("DeutscheTelekom", r.decoder());
        assertEquals("5.2.2", r.status());
        assertEquals(Reason.MAILBOX_FULL, classify(r).reason());
    }
}
