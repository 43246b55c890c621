package io.bouncesweeper.metrics;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSession;
import io.bouncesweeper.job.MailboxTarget;
import io.bouncesweeper.job.MailboxTargets;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness of every IMAP account the job definitions sweep: logs in and selects each folder, all
 * at once and each within {@code bounce-sweeper.health.imap-timeout}. Details name the account as
 * the job does ({@code mailbox/folder}) and the server's answer, never a password or token.
 */
public class ImapAccountsHealthIndicator implements HealthIndicator {
    private final JobDefinitions definitions;
    private final BounceSweeperProperties properties;
    private final Duration timeout;

    public ImapAccountsHealthIndicator(JobDefinitions definitions, BounceSweeperProperties properties, Duration timeout) {
        this.definitions = definitions;
        this.properties = properties;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Map<String, MailboxTarget> targets = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        boolean up = true;
        for (JobDefinition d : definitions.all()) {
            try {
                for (MailboxTarget t : MailboxTargets.resolve(d, properties.imap(), System::getenv)) {
                    targets.putIfAbsent(t.toString(), t);
                }
            } catch (RuntimeException e) {
                details.put("job " + d.name(), "invalid mailbox entry: " + e.getMessage());
                up = false;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(targets.size(), 4)), r -> {
            Thread t = new Thread(r, "imap-health");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Map.Entry<String, Future<String>>> checks = new ArrayList<>();
            targets.forEach((name, t) -> checks.add(Map.entry(name, pool.submit(() -> select(t)))));
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<String, Future<String>> c : checks) {
                try {
                    details.put(c.getKey(), c.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    details.put(c.getKey(), "no answer within " + timeout.toSeconds() + " s");
                    up = false;
                } catch (ExecutionException e) {
                    details.put(c.getKey(), String.valueOf(e.getCause().getMessage()));
                    up = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Health.unknown().withDetails(details).build();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static String select(MailboxTarget target) throws Exception {
        ImapSession session = new ImapConnector(target.settings()).open(MailboxTargets.folderOf("health check", target));
        try {
            session.uidValidity();
            return "UP";
        } finally {
            session.close();
        }
    }
}
