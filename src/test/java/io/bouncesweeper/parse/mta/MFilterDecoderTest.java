package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MFilterDecoderTest {
    @Test
    void readsTheAddressLineTheServerMessageAndTheCommand() {
        DeliveryRecord r = only("mfilter-unknown-user.eml");
        assertEquals("ivan@example.jp", r.recipient());
        assertEquals("mFILTER", r.decoder());
        assertEquals("5.1.1", r.status());
        assertEquals("RCPT", r.smtpCommand());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
