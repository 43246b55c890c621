package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapAuth;
import io.bouncesweeper.config.ImapSecurity;
import io.bouncesweeper.config.InvalidJobDefinitionException;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.imap.TokenSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Resolves a definition's mailbox entries against the default account into connectable targets. */
public final class MailboxTargets {
    private MailboxTargets() {
    }

    public static List<MailboxTarget> resolve(JobDefinition definition, BounceSweeperProperties.Imap account,
                                       Function<String, String> environment) {
        List<MailboxTarget> targets = new ArrayList<>();
        for (int i = 0; i < definition.mailboxes().size(); i++) {
            MailboxTarget target = resolve(definition, i, account, environment);
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
                                         Function<String, String> environment) {
        JobDefinition.Mailbox m = definition.mailboxes().get(index);
        String where = "job definition '" + definition.name() + "', mailboxes[" + index + "]";
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
        TokenSource oauth2 = account.auth() == ImapAuth.XOAUTH2 && !ownAccount
                ? TokenSource.of(account.token(), account.tokenFile(), account.tokenCommand()) : null;
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

    private static boolean sameServer(ImapSettings a, ImapSettings b) {
        return a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
