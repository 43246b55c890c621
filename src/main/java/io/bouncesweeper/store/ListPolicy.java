package io.bouncesweeper.store;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an address changes state. Recipient-side permanent reasons suppress at once; {@code
 * softThreshold} soft events within any {@code softWindow} suppress; sender-side reasons never do;
 * a complaint makes it {@code complained}; allow-listed addresses and domains are never suppressed.
 *
 * @param allowList addresses ({@code bob@example.org}) and domains ({@code example.org} or
 *                  {@code @example.org}), compared case-insensitively
 */
public record ListPolicy(int softThreshold, Duration softWindow, ReasonGroups groups, Set<String> allowList) {

    public ListPolicy {
        allowList = allowList == null ? Set.of() : allowList.stream()
                .map(a -> a.trim().toLowerCase(Locale.ROOT))
                .map(a -> a.startsWith("@") ? a.substring(1) : a)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        groups = groups == null ? ReasonGroups.builtIn() : groups;
    }

    public static ListPolicy defaults() {
        return new ListPolicy(3, Duration.ofDays(30), ReasonGroups.builtIn(), Set.of());
    }

    /** The old two-knob policy, with the built-in reason groups and no allow-list. */
    public static ListPolicy of(SoftBouncePolicy soft) {
        return new ListPolicy(soft.threshold(), soft.window(), ReasonGroups.builtIn(), Set.of());
    }

    public boolean allowListed(String address) {
        if (address == null || allowList.isEmpty()) {
            return false;
        }
        if (allowList.contains(address)) {
            return true;
        }
        String domain = Columns.domain(address);
        return domain != null && allowList.contains(domain);
    }
}
