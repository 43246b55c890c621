package io.bouncesweeper.support;

import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.StateHooks;
import io.bouncesweeper.store.StoreSettings;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The seam where job tests break a run between a chunk's writes and its commit: a real store that,
 * after each chunk's recipient-state update (inside the chunk's transaction), counts the write and
 * hands its 1-based number to a hook, which may throw (a lost connection) or stop a server.
 */
public final class CountedWrites {
    private CountedWrites() {
    }

    public static BounceStore store(JdbcTemplate jdbc, StoreSettings settings, Clock clock,
                                    AtomicInteger writes, IntConsumer afterWrite) {
        return new BounceStore(jdbc, settings, clock) {
            @Override
            public List<StateHooks.Change> applyRecipientState(List<ProcessedMessage> messages) {
                List<StateHooks.Change> changes = super.applyRecipientState(messages);
                afterWrite.accept(writes.incrementAndGet());
                return changes;
            }
        };
    }
}
