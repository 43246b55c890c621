package io.bouncesweeper.metrics;

import io.bouncesweeper.domain.ArchiveCategory;
import io.bouncesweeper.domain.ClassifiedRecord;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.job.SweepObserver;
import io.bouncesweeper.store.RecipientStatus;
import io.bouncesweeper.store.StateHooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every meter of the job, in one place, fed by the run's own events ({@link SweepObserver}: the
 * events the summary counts). Tags are bounded: mailbox identities and folders come from the job
 * definitions, kinds, classes, reasons and statuses from the code's vocabularies; never an address.
 * The names are listed in README ("Metrics, health and logs").
 */
public class SweepMetrics implements SweepObserver {
    static final String PREFIX = "bounce.sweeper.";
    private static final Logger log = LoggerFactory.getLogger(SweepMetrics.class);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Gauge values, held strongly (Micrometer keeps only a weak reference to a gauge's object). */
    private final Map<Tags, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicLong> runLastSuccess = new ConcurrentHashMap<>();

    public SweepMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static Tags folderTags(String mailbox, String folder) {
        return Tags.of("mailbox", mailbox, "folder", folder);
    }

    @Override
    public void searched(String mailbox, String folder, int toRead) {
        gauge("folder.waiting", "messages found by SEARCH in the swept folder and not read yet", waiting,
                folderTags(mailbox, folder)).set(toRead);
    }

    @Override
    public void committed(String mailbox, String folder, List<? extends ProcessedMessage> all,
                          List<ProcessedMessage> fresh, Duration chunkTime) {
        Tags where = folderTags(mailbox, folder);
        counter("messages.read", "messages read and committed (seen before or not)", where).increment(all.size());
        counter("messages.stored", "messages stored for the first time (the rest were processed before)", where)
                .increment(fresh.size());
        AtomicLong left = waiting.get(where);
        if (left != null) {
            left.updateAndGet(n -> Math.max(0, n - all.size()));
        }
        Timer.builder(PREFIX + "chunk").description("wall time of one chunk: fetch, parse, classify, store, commit")
                .tags(where).register(registry).record(chunkTime);
        long quarantined = 0;
        for (ProcessedMessage m : fresh) {
            if (m.category() == ArchiveCategory.UNPARSED) {
                quarantined++;
            }
            for (ClassifiedRecord r : m.records()) {
                String kind = r.record().kind().code();
                String bounceClass = r.classification() == null ? "none" : r.classification().bounceClass().code();
                String reason = r.classification() == null ? "none" : r.classification().reason().code();
                counter("records", "delivery records stored, by kind, class and reason",
                        Tags.of("kind", kind, "class", bounceClass, "reason", reason)).increment();
            }
        }
        counter("quarantined", "unreadable messages stored and sent to the quarantine folder", where).increment(quarantined);
    }

    @Override
    public void decided(List<StateHooks.Change> changes) {
        for (StateHooks.Change c : changes) {
            RecipientStatus to = c.now().status();
            counter("list.decisions", "changes of an address's list status",
                    Tags.of("from", c.before() == null ? "new" : c.before().code(), "to", to.code())).increment();
            if (to.isFinal()) {
                counter("suppressions", "addresses taken off the list (suppressed or complained)",
                        Tags.of("status", to.code())).increment();
            }
        }
    }

    @Override
    public void archived(Map<String, Integer> movedByFolder) {
        movedByFolder.forEach((target, n) ->
                counter("archived", "messages moved out of the swept folder, by target folder", Tags.of("target", target))
                        .increment(n));
    }

    @Override
    public void mailboxFinished(String mailbox, String folder, BatchStatus status) {
        Tags where = folderTags(mailbox, folder);
        try {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM bounce_message WHERE mailbox = ? AND folder = ?"
                    + " AND archived_at IS NULL", Long.class, mailbox, folder);
            gauge("moves.pending", "committed messages still in the swept folder, moved by the next run", pending, where)
                    .set(n == null ? 0 : n);
        } catch (RuntimeException e) {
            log.warn("{}/{}: cannot count the messages left to move ({}); the gauge keeps its last value",
                    mailbox, folder, e.toString());
        }
        if (status == BatchStatus.COMPLETED) {
            gauge("mailbox.last.success", "when the folder's last successful sweep ended (Unix time, seconds)",
                    lastSuccess, where).set(clock.instant().getEpochSecond());
        }
    }

    @Override
    public void senderSideAlert(String definition, String provider, long failures) {
        Tags tags = Tags.of("definition", definition, "provider", provider);
        counter("sender.side.alerts", "sender-side alerts raised: a provider or sending IP at or above the "
                + "definition's alerts.sender-side-threshold in one run", tags).increment();
        counter("sender.side.failures", "sender-side failures of the runs that raised an alert, by provider", tags)
                .increment(failures);
    }

    @Override
    public void runFinished(String definition, BatchStatus status, Duration duration) {
        String name = definition == null ? "unknown" : definition;
        Timer.builder(PREFIX + "run").description("wall time of a run of a job definition, by its outcome")
                .tags("definition", name, "status", status.name().toLowerCase(Locale.ROOT))
                .register(registry).record(duration);
        if (status == BatchStatus.COMPLETED) {
            gauge("run.last.success", "when the definition's last successful run ended (Unix time, seconds)",
                    runLastSuccess, Tags.of("definition", name)).set(clock.instant().getEpochSecond());
        }
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(PREFIX + name).description(description).tags(tags).register(registry);
    }

    private AtomicLong gauge(String name, String description, Map<Tags, AtomicLong> values, Tags tags) {
        return values.computeIfAbsent(tags, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(PREFIX + name, value, AtomicLong::doubleValue).description(description).tags(t)
                    .register(registry);
            return value;
        });
    }
}
