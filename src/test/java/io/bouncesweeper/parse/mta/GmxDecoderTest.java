package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GmxDecoderTest {
    @Test
    void itsRetryTimeoutVerdictIsExpired() {
        DeliveryRecord r = only("gmx-retry-timeout.eml");
        assertEquals("leo@example.de", r.recipient());
        assertEquals("GMX", r.decoder());
        assertEquals("expired", r.reasonHint());
        assertEquals(Reason.EXPIRED, classify(r).reason());
    }

    @Test
    void aQuotedAddressAndTheRemoteReplyAfterTheCommandLine() {
        DeliveryRecord r = only("gmx-user-unknown.eml");
        assertEquals("mia@example.de", r.recipient());
        assertEquals("5.1.1", r.status());
        assertEquals("RCPT", r.smtpCommand());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
