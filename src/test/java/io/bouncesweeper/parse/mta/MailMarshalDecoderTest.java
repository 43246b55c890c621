package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MailMarshalDecoderTest {
    @Test
    void theAffectedRecipientNotTheQuotedSender() {
        DeliveryRecord r = only("mailmarshal-user-unknown.eml");
        assertEquals("tina@example.com.br", r.recipient());
        assertEquals("MailMarshal", r.decoder());
        assertEquals("5.1.1", r.status());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
