package io.bouncesweeper.parse;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MailDatesTest {

    @Test
    void readsTheShapesMailWrites() {
        assertEquals(Instant.parse("2026-11-28T00:09:10Z"), MailDates.parse("Sat, 28 Nov 2026 00:09:10 +0000"));
        assertEquals(Instant.parse("2026-11-28T05:09:10Z"), MailDates.parse("28 nov 2026 00:09:10 -0500 (EST)"));
        assertEquals(Instant.parse("2026-01-01T09:05:00Z"), MailDates.parse("1 Jan 26 9:05 GMT"));
        assertEquals(Instant.parse("2026-01-01T09:05:00Z"), MailDates.parse("Thu,1 Jan 2026 09:05:00"));
        assertEquals(Instant.parse("2026-03-01T03:30:00Z"), MailDates.parse("Sun, 1 Mar 2026 12:30:00 JST"));
        assertEquals(Instant.parse("2026-03-01T07:00:00Z"), MailDates.parse("Sun, 01 Mar 2026 12:30:00 +0530"));
        assertEquals(Instant.parse("2026-03-01T12:30:00Z"), MailDates.parse("Wed,  1   Mar 2026\t12:30:00 UT"));
    }

    @Test
    void unreadableDatesAreNull() {
        assertNull(MailDates.parse(null));
        assertNull(MailDates.parse(""));
        assertNull(MailDates.parse("yesterday"));
        assertNull(MailDates.parse("32 Jan 2026 10:00:00 +0000"));
        assertNull(MailDates.parse("1 Foo 2026 10:00:00 +0000"));
        assertNull(MailDates.parse("1 Jan 2026 25:00:00 +0000"));
        assertNull(MailDates.parse("1 Jan 2026 10:00:00 +2500"));
        assertNull(MailDates.parse("1 Jan 2026 10:00:00 Europe/Paris"));
        assertNull(MailDates.parse("1 Jan 202 10:00:00 +0000"));
        assertNull(MailDates.parse("1 Jan 2026 10:0:00 +0000"));
        assertNull(MailDates.parse("1 Jan 2026 10:00:00 +-100"));
        assertNull(MailDates.parse("1 Jan 2026 " + "9".repeat(300)));
    }
}
