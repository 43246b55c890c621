package io.bouncesweeper.store;

import io.bouncesweeper.domain.MessageKey;

import java.util.Set;

/** Which messages of a chunk the store has seen before: by folder position or by content. */
public record ProcessedIdentities(Set<MessageKey> keys, Set<String> fingerprints) {
    public boolean contains(MessageKey key, String fingerprint) {
        return keys.contains(key) || fingerprints.contains(fingerprint);
    }
}
