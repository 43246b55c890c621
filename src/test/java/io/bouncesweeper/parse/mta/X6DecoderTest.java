package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class X6DecoderTest {
    @Test
    void readsTheRejectedRecipientNotTheServerInAngleBrackets() {
        DeliveryRecord r = only("x6-user-unknown.eml");
        assertEquals("sam@example.jp", r.recipient());
        assertEquals("X6", r.decoder());
        assertEquals("550", r.replyCode());
        assertEquals("RCPT", r.smtpCommand());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
