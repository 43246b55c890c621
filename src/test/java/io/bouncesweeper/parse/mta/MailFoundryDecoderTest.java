package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MailFoundryDecoderTest {
    @Test
    void readsTheRecipientAndTheRemoteServersFailure() {
        DeliveryRecord r = only("mailfoundry-no-such-user.eml");
        assertEquals("judy@example.org", r.recipient());
        assertEquals("MailFoundry", r.decoder());
        assertEquals("550", r.replyCode());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
