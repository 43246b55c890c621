package io.bouncesweeper.imap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncesweeper.support.GreenMailServers;
import io.bouncesweeper.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions archive side by side into the same folders. Two sessions that found a folder missing and
 * both sent CREATE made the loser's whole move fail (left for the next run: PartitionedMailboxesTest
 * failed in CI that way). GreenMail's store is also not safe under concurrent CREATEs of one name (it
 * may drop the connection), which is one more reason to create folders one at a time in this process.
 */
class ConcurrentFolderCreationTest {
    static final ServerSetup IMAP = GreenMailServers.imapOnFreePort();
    static final TestMailbox MAILBOX = GreenMailServers.mailbox(IMAP);

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailServers.extension(IMAP);

    @Test
    void sessionsCreatingTheSameFolderAtOnceAllGetIt() throws Exception {
        int sessions = 4;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            for (int round = 0; round < 40; round++) {
                String folder = "Bounces/Race" + round;
                CyclicBarrier start = new CyclicBarrier(sessions);
                List<Future<String>> created = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    created.add(pool.submit(() -> {
                        try (ImapSession session = MAILBOX.connector().open("INBOX")) {
                            start.await();
                            return session.ensureFolder(folder);
                        }
                    }));
                }
                for (Future<String> f : created) {
                    assertThat(f.get()).as("round %d", round).isEqualTo("Bounces.Race" + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
