package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Angus Mail session properties the connector derives from the settings. */
class ImapConnectorTest {
    private static final ImapSettings IMAPS = new ImapSettings("mail.example.net", 993, "bounces", "secret",
            ImapSecurity.IMAPS, null, null, Duration.ofSeconds(5), Duration.ofSeconds(60));

    @Test
    void compressionIsAskedForByDefaultUnderTheProtocolsOwnPrefix() {
        Properties p = ImapConnector.sessionProperties(IMAPS);
        assertEquals("true", p.getProperty("mail.imaps.compress.enable"));
        assertEquals("true", p.getProperty("mail.imaps.peek"));
        assertEquals("true", p.getProperty("mail.imaps.ssl.checkserveridentity"));
    }

    @Test
    void compressionCanBeSwitchedOff() {
        Properties p = ImapConnector.sessionProperties(IMAPS.withoutCompression());
        assertEquals("false", p.getProperty("mail.imaps.compress.enable"));
    }

    @Test
    void starttlsUsesTheImapPrefix() {
        ImapSettings starttls = new ImapSettings("mail.example.net", 143, "bounces", "secret", ImapSecurity.STARTTLS,
                null, null, Duration.ofSeconds(5), Duration.ofSeconds(60));
        Properties p = ImapConnector.sessionProperties(starttls);
        assertEquals("true", p.getProperty("mail.imap.compress.enable"));
        assertEquals("true", p.getProperty("mail.imap.starttls.required"));
    }
}
