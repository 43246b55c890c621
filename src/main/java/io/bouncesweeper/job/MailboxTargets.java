package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapAuth;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.config.InvalidJobDefinitionException;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.OAuth2Settings;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.imap.SpecialUseFolders;
import io.bouncesweeper.imap.TokenSource;
import io.bouncesweeper.imap.oauth.AccessTokens;
import io.bouncesweeper.imap.oauth.OAuth2TokenClient;
import jakarta.mail.MessagingException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a definition's mailbox entries against the default account into connectable targets.
 * How an entry logs in: its own {@code oauth2:} grant, else its {@code password-env}, else the
 * default account's way ({@code bounce-sweeper.imap.auth}) with the entry's user. Entries of one
 * account and grant share one token cache.
 */
public final class MailboxTargets {
    private MailboxTargets() {
    }

    public static List<MailboxTarget> resolve(JobDefinition definition, BounceSweeperProperties.Imap account,
                                       Function<String, String> environment) {
        List<MailboxTarget> targets = new ArrayList<>();
        Map<List<Object>, OAuth2TokenClient> grants = new HashMap<>();
        for (int i = 0; i < definition.mailboxes().size(); i++) {
            MailboxTarget target = resolve(definition, i, account, environment, grants);
            for (int j = 0; j < targets.size(); j++) {
                MailboxTarget other = targets.get(j);
                if (other.mailbox().equals(target.mailbox()) && other.folder().equals(target.folder())
                        && !sameServer(other.settings(), target.settings())) {
                    // their UIDs, resume positions and outbox rows would be mixed up in the store
                    throw new InvalidJobDefinitionException("job definition '" + definition.name() + "': mailboxes["
                            + j + "] and mailboxes[" + i + "] are different servers (" + other.settings().host() + ":"
                            + other.settings().port() + ", " + target.settings().host() + ":" + target.settings().port()
                            + ") under the same identity '" + target.mailbox() + "' and folder '" + target.folder()
                            + "': give one of them its own identity");
                }
            }
            targets.add(target);
        }
        return targets;
    }

    private static MailboxTarget resolve(JobDefinition definition, int index, BounceSweeperProperties.Imap account,
                                         Function<String, String> environment, Map<List<Object>, OAuth2TokenClient> grants) {
        JobDefinition.Mailbox m = definition.mailboxes().get(index);
        String where = "job definition '" + definition.name() + "', mailboxes[" + index + "]";
        if (SpecialUseFolders.isSpecialUse(m.folder()) && SpecialUseFolders.attribute(m.folder()).isEmpty()) {
            throw new InvalidJobDefinitionException(where + ".folder: " + m.folder() + " is no RFC 6154 special use (one of "
                    + String.join(" ", SpecialUseFolders.ATTRIBUTES) + ")");
        }
        ImapSecurity security = m.security() != null ? m.security() : account.security();
        if (security == ImapSecurity.NONE && !account.allowPlaintext()) {
            throw new InvalidJobDefinitionException(where + ": security NONE needs bounce-sweeper.imap.allow-plaintext=true");
        }
        String host = m.host() != null ? m.host() : account.host();
        int port = m.port() != null ? m.port() : m.host() == null && m.security() == null ? account.effectivePort()
                : security.defaultPort();
        String user = m.user() != null ? m.user() : account.user();
        String password = account.password();
        boolean ownAccount = m.user() != null || m.passwordEnv() != null;
        AccessTokens oauth2 = null;
        if (m.oauth2() != null) {
            oauth2 = grant(m.oauth2(), "mailboxes[" + index + "].oauth2", where, user, host, environment, grants);
        } else if (m.passwordEnv() == null && account.auth() == ImapAuth.OAUTH2) {
            oauth2 = grant(account.oauth2(), "bounce-sweeper.imap.oauth2", where, user, host, environment, grants);
        } else if (account.auth() == ImapAuth.XOAUTH2 && !ownAccount) {
            oauth2 = TokenSource.of(account.token(), account.tokenFile(), account.tokenCommand());
        }
        if (m.passwordEnv() != null) {
            password = environment.apply(m.passwordEnv());
            if (password == null || password.isBlank()) {
                throw new InvalidJobDefinitionException(where + ": password-env names " + m.passwordEnv()
                        + ", which is not set");
            }
        }
        ImapSettings settings = new ImapSettings(host, port, user, password, security, account.trustStore(),
                account.trustStorePassword(), account.connectTimeout(), account.readTimeout(), oauth2, account.compress(),
                account.allowPlainExpunge());
        String identity = m.identity() != null && !m.identity().isBlank() ? m.identity() : user + "@" + host;
        return new MailboxTarget(identity, m.folder(), settings, m.uids());
    }

    /**
     * The targets with each folder given as a special use ({@code \\Junk}) replaced by the name the
     * server lists with it; one LIST per such entry, at start.
     *
     * @throws InvalidJobDefinitionException when the server has no folder with that special use
     */
    public static List<MailboxTarget> withSpecialUseResolved(String job, List<MailboxTarget> targets)
            throws MessagingException {
        List<MailboxTarget> resolved = new ArrayList<>(targets.size());
        for (MailboxTarget t : targets) {
            resolved.add(t.withFolder(folderOf("job definition '" + job + "'", t)));
        }
        return resolved;
    }

    /**
     * The folder {@code target} names, looked up by LIST when it is a special use.
     *
     * @param where what the failure message begins with (the job definition)
     */
    public static String folderOf(String where, MailboxTarget target) throws MessagingException {
        if (!SpecialUseFolders.isSpecialUse(target.folder())) {
            return target.folder();
        }
        String attribute = SpecialUseFolders.attribute(target.folder()).orElseThrow();
        return SpecialUseFolders.find(target.settings(), attribute).orElseThrow(() -> new InvalidJobDefinitionException(
                where + ": the mailbox entry with folder " + target.folder() + " of "
                        + target.mailbox() + ": " + target.settings().host() + " lists no folder with the special use "
                        + attribute + " (RFC 6154); name the folder in that entry's folder setting instead"));
    }

    /** One token client per account and grant; its secrets are read once here, so a missing one fails at start. */
    private static OAuth2TokenClient grant(OAuth2Settings settings, String setting, String where, String user, String host,
                                           Function<String, String> environment,
                                           Map<List<Object>, OAuth2TokenClient> grants) {
        return grants.computeIfAbsent(List.of(settings, user, host), key -> {
            OAuth2TokenClient client = new OAuth2TokenClient(settings, setting, user + "@" + host, user, environment,
                    Clock.systemUTC());
            try {
                client.checkSecrets();
            } catch (IllegalStateException e) {
                throw new InvalidJobDefinitionException(where + ": " + e.getMessage());
            }
            return client;
        });
    }

    private static boolean sameServer(ImapSettings a, ImapSettings b) {
        return a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
