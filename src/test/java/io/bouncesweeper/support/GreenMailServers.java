package io.bouncesweeper.support;

import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** GreenMail on a free loopback port, so test runs side by side (or a local server on 3143) never clash. */
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
}
