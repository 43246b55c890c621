package io.bouncesweeper.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Caps how many mailbox entries of one job run at once where a provider limits the simultaneous
 * IMAP connections of one account: past the limit the server refuses the login, and the run would
 * spend its retries on a refusal it causes itself.
 */
final class AccountConnectionLimits {
    private static final Logger log = LoggerFactory.getLogger(AccountConnectionLimits.class);

    /** One partition holds two connections at once: the reader's and the archiver's. */
    static final int CONNECTIONS_PER_PARTITION = 2;

    /** Host pattern -> simultaneous IMAP connections allowed per account. */
    static final Map<Pattern, Integer> LIMITS = Map.of(
            // SOURCE: Gmail Help "Too many simultaneous connections": Gmail allows 15 simultaneous IMAP
            // connections per account (the 2008 version of that page said 10)
            Pattern.compile("(imap\\.)?(gmail|googlemail)\\.com", Pattern.CASE_INSENSITIVE), 15);

    private AccountConnectionLimits() {
    }

    /**
     * @param configured {@code bounce-sweeper.max-parallel-mailboxes}
     * @return the entries run at once: {@code configured}, or less with a WARN when the entries of
     *         one limited account would open more connections than its provider allows
     */
    static int maxParallel(String job, List<MailboxTarget> targets, int configured) {
        Map<String, Long> entriesPerAccount = targets.stream()
                .filter(t -> limitOf(t.settings().host()) != null)
                .collect(Collectors.groupingBy(t -> t.settings().user().toLowerCase(Locale.ROOT) + "@"
                        + t.settings().host().toLowerCase(Locale.ROOT), Collectors.counting()));
        int allowed = configured;
        for (Map.Entry<String, Long> account : entriesPerAccount.entrySet()) {
            int limit = limitOf(account.getKey().substring(account.getKey().lastIndexOf('@') + 1));
            int atOnce = (int) Math.min(configured, account.getValue());
            int cap = Math.max(1, limit / CONNECTIONS_PER_PARTITION);
            if (atOnce * CONNECTIONS_PER_PARTITION > limit && cap < allowed) {
                log.warn("job '{}': {} entries of account {} at bounce-sweeper.max-parallel-mailboxes={} would hold {} "
                        + "IMAP connections, more than the {} its provider allows; running {} at a time", job,
                        account.getValue(), account.getKey(), configured, atOnce * CONNECTIONS_PER_PARTITION, limit, cap);
                allowed = cap;
            }
        }
        return allowed;
    }

    private static Integer limitOf(String host) {
        Function<Pattern, Boolean> matches = p -> p.matcher(host).matches();
        return LIMITS.entrySet().stream().filter(e -> matches.apply(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
