package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.Reason;
import org.junit.jupiter.api.Test;

import static io.bouncesweeper.parse.mta.FamilyFixtures.classify;
import static io.bouncesweeper.parse.mta.FamilyFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivehunterDecoderTest {
    @Test
    void readsTheSendmailLikeReportOfItsOwnHeader() {
        DeliveryRecord r = only("activehunter-no-mailbox.eml");
        assertEquals("grace@example.jp", r.recipient());
        assertEquals("Activehunter", r.decoder());
        assertEquals("550", r.replyCode());
        assertEquals(Reason.USER_UNKNOWN, classify(r).reason());
    }
}
