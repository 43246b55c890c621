package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagingServerDecoderTest {
    @Test
    void readsTheRecipientAddressNotTheQuotedHeaderFields() {
        DeliveryRecord r = only("messagingserver-user-unknown.eml");
        assertEquals("erin@example.net", r.recipient());
        assertEquals("MessagingServer", r.decoder());
        assertEquals("5.1.1", r.status());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
