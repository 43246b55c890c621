package io.bouncesweeper.job;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BounceEnvelopeTest {

    private static List<String> of(String headers) {
        return BounceEnvelope.recipients(headers.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void envelopeHeadersComeFirstInTheirOrderThenTo() {
        String mail = "To: list@example.com\r\n"
                + "Delivered-To: bounces+user=example.net@sender.example\r\n"
                + "Subject: Undelivered\r\n"
                + "X-Original-To: verp-2@sender.example\r\n"
                + "delivered-to: second@sender.example\r\n"
                + "\r\n"
                + "To: body@example.org\r\n";
        assertEquals(List.of("bounces+user=example.net@sender.example", "second@sender.example",
                "verp-2@sender.example", "list@example.com"), of(mail));
    }

    @Test
    void foldedValuesAreUnfoldedAndTrimmed() {
        String mail = "To: \"A Person\"\r\n \t<a@example.com>,\r\n\tb@example.com  \r\nSubject: x\r\n\r\n";
        assertEquals(List.of("\"A Person\" <a@example.com>, b@example.com"), of(mail));
    }

    @Test
    void bareLineFeedsAndOddSpacingAroundTheName() {
        String mail = "Envelope-To : e@example.com\nTO:t@example.com\nTo-Not: x@example.com\n\nDelivered-To: late@example.com\n";
        assertEquals(List.of("e@example.com", "t@example.com"), of(mail));
    }

    @Test
    void headersOnlyMailAndEmptyInput() {
        assertEquals(List.of("x@example.com"), of("Subject: s\r\nTo: x@example.com"));
        assertEquals(List.of(), of(""));
        assertEquals(List.of(), BounceEnvelope.recipients(null));
        assertEquals(List.of(), of(": no name\r\nno colon\r\n"));
    }

    @Test
    void readsOnlyTheFirst64KilobytesOfHeaders() {
        String filler = "X-Filler: " + "a".repeat(70 * 1024) + "\r\n";
        assertEquals(List.of("early@example.com"), of("To: early@example.com\r\n" + filler + "Delivered-To: late@example.com\r\n\r\n"));
    }
}
