package io.bouncesweeper.imap;

import io.bouncesweeper.config.ImapSecurity;

import java.time.Duration;

/** What it takes to reach one mailbox; decoupled from Spring's property binding. */
public record ImapSettings(
        String host,
        int port,
        String user,
        String password,
        ImapSecurity security,
        String trustStore,
        String trustStorePassword,
        Duration connectTimeout,
        Duration readTimeout) {

    @Override
    public String toString() {
        return security + "://" + user + "@" + host + ":" + port;
    }
}
