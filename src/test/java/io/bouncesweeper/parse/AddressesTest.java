package io.bouncesweeper.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '#', nullValues = "NONE", value = {
            "rfc822; alice@example.org                 # alice@example.org",
            "RFC822; <Alice@Example.ORG>                # Alice@Example.ORG",
            "rfc822;alice@example.org (Alice Liddell)   # alice@example.org",
            "rfc822;alice@example.org(Alice)            # alice@example.org",
            "rfc822; alice@example.org.                 # alice@example.org",
            "<alice@example.org>                        # alice@example.org",
            "rfc822; \"a;b c\"@example.org              # \"a;b c\"@example.org",
            "rfc822; nyaan%gol.com@q002.example.com     # nyaan%gol.com@q002.example.com",
            "rfc822; user@[192.0.2.1]                   # user@[192.0.2.1]",
            "rfc822;|/usr/bin/procmail user@example.org # NONE",
            "rfc822; /var/mail/alice                    # NONE",
            "rfc822; alice                              # NONE",
            "RFC822; @mx.example.org                    # NONE",
            "rfc822; alice@example.org, bob@example.org # NONE",
            "rfc822; =?utf-8?q?victim=40evil.test?=     # NONE",
            "rfc822; a@example.org%0d%0aBcc:v@evil.test # NONE",
            "rfc822; \"o'brien\\\");drop--\"@example.com # \"o'brien\\\");drop--\"@example.com",
            "rfc822; \"unclosed@example.com             # NONE",
    })
    void readsOneAddrSpecFromAReportField(String field, String expected) {
        assertEquals(expected, Addresses.fromField(field));
    }
}
