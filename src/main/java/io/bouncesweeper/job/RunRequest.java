package io.bouncesweeper.job;

import io.bouncesweeper.config.RunOverrides;

/**
 * One run: which definition, what the command line changes about it, and which shard of its
 * mailboxes (an Indexed Kubernetes Job gives each pod one; null means all).
 */
public record RunRequest(String definition, RunOverrides overrides, Integer shard) {
    public static RunRequest of(String definition) {
        return new RunRequest(definition, RunOverrides.NONE, null);
    }
}
