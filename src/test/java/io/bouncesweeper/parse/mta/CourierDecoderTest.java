package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CourierDecoderTest {
    @Test
    void readsTheRecipientAndTheRemoteReplyOfItsUndeliverableMailNotice() {
        DeliveryRecord r = only("courier-user-unknown.eml");
        assertEquals("carol@example.net", r.recipient());
        assertEquals("Courier", r.decoder());
        assertEquals("5.1.1", r.status());
        assertEquals("RCPT", r.smtpCommand());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }

    @Test
    void itsOwnNoSuchDomainVerdictIsAnUnknownHost() {
        DeliveryRecord r = only("courier-no-such-domain.eml");
        assertEquals("dave@nonexistent.example", r.recipient());
        assertEquals("hostunknown", r.reasonHint());
        assertEquals(Reason.HOST_UNKNOWN, classify(r).reason());
    }
}
