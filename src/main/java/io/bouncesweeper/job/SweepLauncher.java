package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.imap.Backoff;
import io.bouncesweeper.imap.ImapPreflight;
import io.bouncesweeper.store.Reclassifier;
import io.bouncesweeper.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import javax.sql.DataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one job definition once: takes the definition's lock, recovers an execution left STARTED
 * by a killed process, restarts a failed one from its saved positions, or starts a new instance.
 */
public class SweepLauncher {
    private static final Logger log = LoggerFactory.getLogger(SweepLauncher.class);
    static final String DEFINITION = "definition";
    static final String RUN = "run";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final SweepJobFactory jobFactory;
    private final JobDefinitions definitions;
    private final DataSource dataSource;
    private final BounceSweeperProperties properties;

    public SweepLauncher(JobOperator jobOperator, JobRepository jobRepository, SweepJobFactory jobFactory,
                         JobDefinitions definitions, DataSource dataSource, BounceSweeperProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobFactory = jobFactory;
        this.definitions = definitions;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** The configured definition ({@code bounce-sweeper.job}) as its file says. */
    public SweepOutcome runOnce() throws Exception {
        return run(RunRequest.of(properties.job()));
    }

    public SweepOutcome run(RunRequest request) throws Exception {
        JobDefinition definition = definitions.load(request.definition()).with(request.overrides());
        List<MailboxTarget> targets = MailboxTargets.resolve(definition, properties.imap(), System::getenv);
        if (request.shard() != null) {
            if (request.shard() < 0 || request.shard() >= targets.size()) {
                log.info("shard {} of job '{}': no mailbox entry with that index ({} entries); nothing to do",
                        request.shard(), definition.name(), targets.size());
                return SweepOutcome.COMPLETED;
            }
            targets = List.of(targets.get(request.shard()));
        }
        String lockName = definition.name() + (request.shard() == null ? "" : "#" + request.shard());
        Optional<MailboxLock> lock = MailboxLock.tryAcquire(dataSource, "job", lockName);
        if (lock.isEmpty()) {
            log.error("another run of job '{}' is active; this one stops without touching anything", definition.name());
            return SweepOutcome.ANOTHER_RUN_ACTIVE;
        }
        MailboxLock held = lock.get();
        try {
            if (request.overrides().reclassify()) {
                return reclassify(definition);
            }
            for (MailboxTarget target : targets) { // before any mail is touched: what no retry can fix stops the run here
                ImapPreflight.check(target.settings(), !definition.dryRun() && !definition.keepInPlace(),
                        properties.imap().useMove());
            }
            log.info("job '{}'{}: {} mailbox folder(s) {}", definition.name(),
                    definition.dryRun() ? " (dry run)" : definition.keepInPlace() ? " (keeping mail in place)" : "",
                    targets.size(), targets);
            Backoff backoff = new Backoff(properties.db().retryAttempts(), properties.db().retryPause(), Duration.ofMinutes(1));
            for (int attempt = 1; ; attempt++) {
                JobExecution execution;
                Throwable failure;
                try {
                    execution = jobOperator.start(jobFactory.create(definition, targets), parametersFor(request));
                    log.info("job '{}' {}", definition.name(), execution.getStatus());
                    failure = transientFailure(execution);
                    if (failure == null) {
                        return outcomeOf(execution);
                    }
                } catch (Exception e) {
                    if (!TransientDatabaseErrors.isTransient(e)) {
                        throw e;
                    }
                    execution = null;
                    failure = e;
                }
                if (attempt >= backoff.attempts()) {
                    log.error("job '{}': the database is still failing after {} attempts ({}); giving up, the next run "
                            + "resumes from the last committed chunk", definition.name(), attempt, rootMessage(failure));
                    return execution == null ? SweepOutcome.FAILED : outcomeOf(execution);
                }
                Duration pause = backoff.pauseBefore(attempt + 1);
                log.warn("job '{}': a database error that may pass ({}); resuming from the last committed chunk in {} ms "
                        + "(retry {} of {})", definition.name(), rootMessage(failure), pause.toMillis(), attempt,
                        backoff.attempts() - 1);
                Thread.sleep(pause.toMillis());
                held = stillHeld(held, lockName);
                if (held == null) {
                    log.error("job '{}': its lock was lost with the database connection and another run has taken it; "
                            + "this one stops", definition.name());
                    return SweepOutcome.ANOTHER_RUN_ACTIVE;
                }
            }
        } finally {
            if (held != null) {
                try {
                    held.close();
                } catch (java.sql.SQLException e) {
                    log.warn("releasing the lock of job '{}' failed ({}); the server frees it with the connection",
                            definition.name(), e.toString());
                }
            }
        }
    }

    /** A failed execution's cause when it may pass on a retry (a transient database error), else null. */
    private static Throwable transientFailure(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        Throwable found = null;
        for (Throwable t : execution.getAllFailureExceptions()) {
            if (causedBy(t, AnotherRunActiveException.class)) {
                return null;
            }
            if (found == null && TransientDatabaseErrors.isTransient(t)) {
                found = t;
            }
        }
        return found;
    }

    /** The job's lock, taken again if a lost connection freed it; null if another run took it meanwhile. */
    private MailboxLock stillHeld(MailboxLock held, String lockName) throws java.sql.SQLException {
        if (held.isHeld()) {
            return held;
        }
        try {
            held.close();
        } catch (java.sql.SQLException ignored) {
            // its connection is dead: nothing to release
        }
        return MailboxLock.tryAcquire(dataSource, "job", lockName).orElse(null);
    }

    /** Reclassify mode: no mail is read; the stored events are judged again by the current rules. */
    private SweepOutcome reclassify(JobDefinition definition) {
        StoreSettings settings = SweepJobFactory.storeSettings(definition, jobFactory.classifier());
        log.info("job '{}': reclassifying stored events{}{} with rules {}", definition.name(),
                definition.since() == null ? "" : " since " + definition.since(),
                definition.before() == null ? "" : " before " + definition.before(), settings.rulesVersion());
        Reclassifier.Result r = new Reclassifier(jobFactory.jdbc(), jobFactory.classifier(), settings,
                new TransactionTemplate(jobFactory.transactionManager()), jobFactory.clock())
                .run(definition.since(), definition.before(), definition.dryRun());
        StringBuilder sb = new StringBuilder(definition.dryRun() ? "reclassify (dry run, nothing written): " : "reclassify: ")
                .append(r.scanned()).append(" event(s) read, ").append(r.changed())
                .append(definition.dryRun() ? " would change verdict, " : " changed verdict, ")
                .append(r.recipients()).append(" address(es) derived again, ").append(r.lines().size())
                .append(" change(s) of status");
        r.transitions().forEach((t, n) -> sb.append("\n  ").append(t).append(": ").append(n));
        int shown = 0;
        for (var line : r.lines()) {
            if (shown++ == DryRunReport.MAX_LINES) {
                sb.append("\n  ... and ").append(r.lines().size() - DryRunReport.MAX_LINES).append(" more");
                break;
            }
            sb.append("\n  ").append(LogText.safe(line.toString()));
        }
        log.info("{}", sb);
        return SweepOutcome.COMPLETED;
    }

    private static SweepOutcome outcomeOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return SweepOutcome.COMPLETED;
        }
        boolean lockedOut = false;
        for (Throwable t : execution.getAllFailureExceptions()) {
            lockedOut |= causedBy(t, AnotherRunActiveException.class);
            log.error("run failed: {}", rootMessage(t));
        }
        return lockedOut ? SweepOutcome.ANOTHER_RUN_ACTIVE : SweepOutcome.FAILED;
    }

    /** The same parameters as a failed or killed execution of the same request (a restart), else a new run number. */
    private JobParameters parametersFor(RunRequest request) {
        JobParameters wanted = identifying(request, 0);
        Optional<JobExecution> last = lastExecution(wanted);
        if (last.isPresent()) {
            JobExecution previous = last.get();
            BatchStatus status = previous.getStatus();
            if (status.isRunning()) {
                // We hold the job's lock, so nobody runs it: a process was killed mid-run.
                log.warn("execution {} was left {} by a process that died; marking it failed and resuming it",
                        previous.getId(), status);
                jobOperator.recover(previous);
                return previous.getJobParameters();
            }
            if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
                log.info("resuming failed execution {} from its last committed positions", previous.getId());
                return previous.getJobParameters();
            }
        }
        long run = last.map(e -> e.getJobParameters().getLong(RUN)).map(r -> r + 1).orElse(1L);
        return identifying(request, run);
    }

    private static JobParameters identifying(RunRequest request, long run) {
        RunOverrides o = request.overrides();
        JobParametersBuilder b = new JobParametersBuilder().addString(DEFINITION, request.definition()).addLong(RUN, run);
        if (o.folder() != null) {
            b.addString("folder", o.folder());
        }
        if (o.select() != null) {
            b.addString("select", o.select().name());
        }
        if (o.since() != null) {
            b.addString("since", o.since().toString());
        }
        if (o.before() != null) {
            b.addString("before", o.before().toString());
        }
        if (o.dryRun()) {
            b.addString("dryRun", "true");
        }
        if (o.keepInPlace()) {
            b.addString("keepInPlace", "true");
        }
        if (request.shard() != null) {
            b.addLong("shard", (long) request.shard());
        }
        return b.toJobParameters();
    }

    private Optional<JobExecution> lastExecution(JobParameters wanted) {
        Set<String> wantedKeys = withoutRun(wanted);
        List<JobInstance> instances = jobRepository.getJobInstances(SweepJobFactory.JOB_NAME, 0, 500);
        for (JobInstance instance : instances) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            if (execution != null && withoutRun(execution.getJobParameters()).equals(wantedKeys)) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    private static Set<String> withoutRun(JobParameters parameters) {
        Set<String> keys = new HashSet<>();
        for (JobParameter<?> p : parameters.parameters()) {
            if (!p.name().equals(RUN)) {
                keys.add(p.name() + "=" + p.value());
            }
        }
        return keys;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every distinct message of the cause chain, outermost first: Spring Batch's wrappers ("Unable
     * to process chunk") say where, the middle ones which server or statement, the root what broke.
     */
    static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            String m = c.getCause() == null || c.getMessage() == null ? c.toString() : c.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.isEmpty() ? "" : " <- ").append(m);
            }
            if (c instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getApplicationException() != null) {
                // a rollback failing on a dead connection: what killed the transaction matters more
                sb.append(" (after: ").append(rootMessage(tse.getApplicationException())).append(')');
            }
        }
        return sb.toString();
    }
}
