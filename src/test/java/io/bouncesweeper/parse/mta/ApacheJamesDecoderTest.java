package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApacheJamesDecoderTest {
    @Test
    void takesTheRecipientFromTheEnvelopeDetailsAndTheErrorFromAboveThem() {
        DeliveryRecord r = only("apachejames-no-such-user.eml");
        assertEquals("frank@example.net", r.recipient());
        assertEquals("ApacheJames", r.decoder()); // not qmail, whose wording James borrows
        assertEquals("550", r.replyCode());
        assertTrue(r.diagnostic().contains("User unknown in local recipient table"), r.diagnostic());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
