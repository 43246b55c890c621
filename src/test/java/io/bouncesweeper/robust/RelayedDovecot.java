package io.bouncesweeper.robust;

import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.support.JobTestSupport;
import io.bouncesweeper.support.TcpRelay;
import io.bouncesweeper.support.TestMailbox;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;

/**
 * A private Dovecot that the job reaches in plain IMAP through a {@link TcpRelay} recording what
 * it sends: the proof of which commands went over the wire. Seeding and counting go straight to
 * the server ({@link #mailbox()}), so only the job's own traffic is recorded.
 */
final class RelayedDovecot implements AutoCloseable {
    interface Starter {
        PrivateDovecot start() throws Exception;
    }

    private final PrivateDovecot dovecot;
    private final TcpRelay relay;

    private RelayedDovecot(PrivateDovecot dovecot, TcpRelay relay) {
        this.dovecot = dovecot;
        this.relay = relay;
    }

    static RelayedDovecot start(Starter starter) throws Exception {
        PrivateDovecot dovecot = starter.start();
        try {
            return new RelayedDovecot(dovecot, new TcpRelay(dovecot.imapPort()));
        } catch (IOException | RuntimeException e) {
            dovecot.close();
            throw e;
        }
    }

    /** The job's database and its mailbox: this server, through the relay. */
    void register(DynamicPropertyRegistry registry) {
        JobTestSupport.database(registry);
        JobTestSupport.mailbox(registry, viaRelay());
    }

    /** The account as the job sees it: plain IMAP through the relay. */
    TestMailbox viaRelay() {
        return new TestMailbox("127.0.0.1", relay.port(), ImapSecurity.NONE, PrivateDovecot.USER, PrivateDovecot.PASSWORD, null);
    }

    /** The account straight on the server (IMAPS), for seeding and counting. */
    TestMailbox mailbox() {
        return dovecot.imaps();
    }

    /** See {@link TcpRelay#cutOnceWhenClientSends}. */
    void cutOnceWhenClientSends(String marker) {
        relay.cutOnceWhenClientSends(marker);
    }

    /** Everything clients sent through the relay so far. */
    String clientTraffic() {
        return relay.clientTraffic();
    }

    @Override
    public void close() throws IOException {
        try {
            relay.close();
        } finally {
            dovecot.close();
        }
    }
}
