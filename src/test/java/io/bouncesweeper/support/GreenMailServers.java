package io.bouncesweeper.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.config.ImapSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * GreenMail IMAP on a free loopback port (test runs side by side, or a local server on 3143, never
 * clash) with the account the job tests use.
 */
public final class GreenMailServers {
    private GreenMailServers() {
    }

    public static ServerSetup imapOnFreePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return new ServerSetup(s.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test account as the job sees it: plain IMAP on loopback, allowed explicitly. */
    public static TestMailbox mailbox(ServerSetup imap) {
        return new TestMailbox("127.0.0.1", imap.getPort(), ImapSecurity.NONE, "bounces", "secret", null);
    }

    /** A fresh server per test with the test account. */
    public static GreenMailExtension extension(ServerSetup imap) {
        return new GreenMailExtension(imap)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("bounces@localhost", "bounces", "secret"));
    }
}
