package io.bouncesweeper.store;

import io.bouncesweeper.domain.MessageKey;

import java.util.Set;

/** Which messages of a chunk the store has seen before, by key or by Message-ID. */
public record ProcessedIdentities(Set<MessageKey> keys, Set<String> messageIds) {
    public boolean contains(MessageKey key, String messageId) {
        return keys.contains(key) || (messageId != null && messageIds.contains(messageId));
    }
}
