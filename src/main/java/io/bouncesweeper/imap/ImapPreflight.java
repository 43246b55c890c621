package io.bouncesweeper.imap;

import io.bouncesweeper.imap.oauth.TokenEndpointRefusal;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login per account before a run touches any mail, to refuse at start what no retry can fix:
 * a token endpoint that refuses the account's grant (a revoked refresh token), an IMAP server that
 * refuses even a freshly issued OAuth2 token, and a server that
 * cannot archive the way the settings allow (neither MOVE nor UIDPLUS). Anything that may pass
 * (a server or token endpoint that cannot be reached) is only logged: the run's own retries deal with it.
 */
public final class ImapPreflight {
    private static final Logger log = LoggerFactory.getLogger(ImapPreflight.class);

    private ImapPreflight() {
    }

    /**
     * @param archives    the run moves mail (not a dry run, not keep-in-place)
     * @param moveAllowed {@code bounce-sweeper.imap.use-move}
     * @throws IllegalStateException naming the account and the cause (never a secret)
     */
    public static void check(ImapSettings settings, boolean archives, boolean moveAllowed) {
        try (IMAPStore store = new ImapConnector(settings).connect()) {
            if (archives) {
                ArchivePath path = ArchivePath.choose(name -> hasCapability(store, name), moveAllowed,
                        settings.allowPlainExpunge(), settings.user() + "@" + settings.host());
                log.debug("{} archives by {}", settings, path);
            }
        } catch (MessagingException e) {
            TokenEndpointRefusal refusal = refusal(e);
            if (refusal != null) {
                throw refusal;
            }
            if (e instanceof ImapConnector.OAuth2LoginRefusedException) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            log.warn("could not check {} before the run ({}); the run tries again", settings, e.getMessage());
        }
    }

    private static boolean hasCapability(IMAPStore store, String name) {
        try {
            return store.hasCapability(name);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the CAPABILITY of " + store + ": " + e.getMessage(), e);
        }
    }

    private static TokenEndpointRefusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TokenEndpointRefusal r) {
                return r;
            }
        }
        return null;
    }
}
