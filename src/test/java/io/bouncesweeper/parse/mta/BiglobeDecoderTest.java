package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BiglobeDecoderTest {
    @Test
    void itsMailboxLimitLineIsAFullMailbox() {
        DeliveryRecord r = only("biglobe-mailbox-full.eml");
        assertEquals("heidi@mail.biglobe.ne.jp", r.recipient());
        assertEquals("Biglobe", r.decoder());
        assertEquals("mailboxfull", r.reasonHint());
        assertEquals(Reason.MAILBOX_FULL, classify(r).reason());
    }
}
