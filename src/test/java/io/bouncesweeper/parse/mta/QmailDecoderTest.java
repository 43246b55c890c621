package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QmailDecoderTest {
    @Test
    void qmailLdapsDisabledAddressVerdictIsASuspendedMailbox() {
        DeliveryRecord r = only("qmail-ldap-disabled.eml");
        assertEquals("victor@example.net", r.recipient());
        assertEquals("qmail", r.decoder());
        assertEquals("suspend", r.reasonHint());
        assertEquals(Reason.SUSPEND, classify(r).reason());
    }
}
