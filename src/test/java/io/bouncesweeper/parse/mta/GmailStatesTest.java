package io.bouncesweeper.parse.mta;

import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** gmail-states.tsv: the "(state N)" Gmail appends to a remote server's answer. */
class GmailStatesTest {
    private static DeliveryRecord record(String diagnostic) {
        return DeliveryRecord.builder(RecordKind.BOUNCE).recipient("a@example.org").diagnostic(diagnostic).build();
    }

    @Test
    void aStateAfterDataWithAGenericStatusIsAFilter() {
        DeliveryRecord r = GmailStates.refine(record("The error that the other server returned was: 554 554 5.7.0 Header error (state 18)."));
        assertEquals("filtered", r.reasonHint());
        assertEquals("DATA", r.smtpCommand());
    }

    @Test
    void aStateWithoutAnyStatusNamesItsStage() {
        DeliveryRecord r = GmailStates.refine(record("500 Remote server does not support TLS (state 6)."));
        assertEquals("systemerror", r.reasonHint());
        assertEquals("MAIL", r.smtpCommand());
    }

    @Test
    void aSpecificStatusSaysMoreThanTheState() {
        DeliveryRecord in = record("450 450 4.2.2 <a@example.org>... Mailbox Full (state 14).");
        DeliveryRecord r = GmailStates.refine(in);
        assertSame(in, r);
        assertNull(r.reasonHint());
    }

    @Test
    void anUnknownStateOrNoStateChangesNothing() {
        DeliveryRecord unknown = record("550 Unknown user (state 99).");
        assertSame(unknown, GmailStates.refine(unknown));
        DeliveryRecord none = record("550 5.1.1 User unknown");
        assertSame(none, GmailStates.refine(none));
    }
}
