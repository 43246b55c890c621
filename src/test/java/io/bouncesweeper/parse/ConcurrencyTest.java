package io.bouncesweeper.parse;

import io.bouncesweeper.domain.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One parser instance shared by many threads gives the same results as single-threaded use. */
class ConcurrencyTest {
    private static final List<String> FIXTURES = List.of("dsn-550-5.1.1-multi-recipient.eml", "gmail-550-5.7.1-spam.eml",
            "microsoft-550-5.7.606-banned-ip.eml", "arf-abuse-complaint.eml", "autoreply-out-of-office.eml",
            "exim-550-two-recipients.eml", "qmail-no-mailbox.eml", "garbage.eml", "mbox-three-bounces.mbox");

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        BounceParser parser = new DefaultBounceParser();
        List<byte[]> mails = FIXTURES.stream().map(Fixtures::bytes).toList();
        List<ParsedMessage> expected = mails.stream().map(parser::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < mails.size(); i++) {
                            if (!expected.get(i).equals(parser.parse(mails.get(i)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : runs) {
                assertEquals(true, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
