package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParseOutcome;
import io.bouncesweeper.domain.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices whose cause is stated by their family's own structure or wording (hand-written samples). */
class FamilyNoticesTest {
    private final BounceParser parser = new DefaultBounceParser();

    private DeliveryRecord only(String mail) {
        ParsedMessage m = parser.parse(mail.getBytes(StandardCharsets.UTF_8));
        assertEquals(ParseOutcome.PARSED, m.outcome(), String.valueOf(m.error()));
        assertEquals(1, m.records().size(), m.records().toString());
        return m.records().get(0);
    }

    @Test
    void googleGroupsRefusalInAnyLanguageIsRejectedWithItsText() {
        String mail = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\n"
                + "To: alice@example.org\r\n"
                + "Subject: Delivery Status Notification (Failure)\r\n"
                + "X-Failed-Recipients: team@googlegroups.com\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hallo alice@example.org,\r\n\r\n"
                + "die Gruppe (team), an die Sie schreiben wollten, gibt es vielleicht nicht.\r\n\r\n"
                + "Hilfe: https://groups.google.com/support/\r\n\r\nGoogle Groups\r\n\r\n"
                + "----- Original message -----\r\n\r\nFrom: alice@example.org\r\nTo: team@googlegroups.com\r\n"
                + "Subject: hello\r\n\r\nhi\r\n";
        DeliveryRecord r = only(mail);
        assertEquals("team@googlegroups.com", r.recipient());
        assertEquals("rejected", r.reasonHint());
        assertNotNull(r.diagnostic());
        assertTrue(r.diagnostic().contains("die Gruppe (team)"), r.diagnostic());
    }
}
