package io.bouncesweeper.imap;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a server's "slow down" reply from other failures, so the retry that follows is logged as a
 * back-off and not as a broken connection, and is retried even when it arrives as a plain NO/BAD.
 * The replies are the providers' own words (SOURCE per pattern); see docs/providers.md.
 */
public final class ThrottlingReplies {
    /** Patterns matched, case-insensitively, against each message of the cause chain. */
    static final List<Pattern> PATTERNS = List.of(
            // SOURCE: Exchange Online IMAP, Microsoft Q&A "AV3 BADRequest is throttled. Suggested Backoff Time: ... milliseconds"
            Pattern.compile("request is throttled", Pattern.CASE_INSENSITIVE),
            // SOURCE: Exchange Online IMAP reply of a busy mailbox backend, "NO ... Server Unavailable. 15", as quoted
            // in issue 15 (Microsoft publishes no list of its IMAP replies)
            Pattern.compile("server unavailable\\.?\\s*\\d*", Pattern.CASE_INSENSITIVE),
            // SOURCE: RFC 5530 response code [UNAVAILABLE] (temporary failure, try again later); [THROTTLED]
            // is the non-standard code some servers (Exchange, Yahoo) send
            Pattern.compile("\\[(THROTTLED|UNAVAILABLE)\\]", Pattern.CASE_INSENSITIVE),
            // SOURCE: Gmail "Too many simultaneous connections. (Failure)" (Gmail Help, answer 97150)
            Pattern.compile("too many simultaneous connections", Pattern.CASE_INSENSITIVE),
            // SOURCE: Gmail "[OVERQUOTA] Account exceeded command or bandwidth limits" (Gmail IMAP bandwidth limits)
            Pattern.compile("\\[OVERQUOTA\\]|exceeded command or bandwidth limits", Pattern.CASE_INSENSITIVE));

    private ThrottlingReplies() {
    }

    /** Whether any message in {@code failure}'s cause chain is a throttling reply. */
    public static boolean isThrottled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && PATTERNS.stream().anyMatch(p -> p.matcher(message).find())) {
                return true;
            }
        }
        return false;
    }
}
