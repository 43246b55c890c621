package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.config.RunOverrides;
import io.bouncesweeper.config.RetryPolicies;
import io.bouncesweeper.domain.UidRange;
import io.bouncesweeper.imap.ImapPreflight;
import io.bouncesweeper.store.PurgeSettings;
import io.bouncesweeper.store.Reclassifier;
import io.bouncesweeper.store.Retention;
import io.bouncesweeper.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

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
    private final RetryTemplate retry;
    private final List<RunEndTask> endTasks;
    private PurgeSettings purge = new PurgeSettings(null);

    public SweepLauncher(JobOperator jobOperator, JobRepository jobRepository, SweepJobFactory jobFactory,
                         JobDefinitions definitions, DataSource dataSource, BounceSweeperProperties properties) {
        this(jobOperator, jobRepository, jobFactory, definitions, dataSource, properties, List.of());
    }

    public SweepLauncher(JobOperator jobOperator, JobRepository jobRepository, SweepJobFactory jobFactory,
                         JobDefinitions definitions, DataSource dataSource, BounceSweeperProperties properties,
                         List<RunEndTask> endTasks) {
        this.endTasks = List.copyOf(endTasks);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobFactory = jobFactory;
        this.definitions = definitions;
        this.dataSource = dataSource;
        this.properties = properties;
        this.retry = retryTemplate();
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
        String lockName = definition.name() + (request.shard() == null ? "" : "#" + request.shard())
                + uidRangeOf(request.overrides());
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
            targets = MailboxTargets.withSpecialUseResolved(definition.name(), targets);
            log.info("job '{}'{}: {} mailbox folder(s) {}", definition.name(),
                    definition.dryRun() ? " (dry run)" : definition.keepInPlace() ? " (keeping mail in place)" : "",
                    targets.size(), targets);
            Attempts attempts = new Attempts(definition, targets, request, held, lockName);
            try {
                SweepOutcome outcome = retry.execute(attempts);
                if (outcome == SweepOutcome.COMPLETED && !definition.dryRun()) {
                    purgeAfterSweep(definition);
                }
                return afterRun(definition, attempts.execution, outcome);
            } catch (RetryException e) {
                if (!(e.getCause() instanceof TransientFailure failure)) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
                log.error("job '{}': the database is still failing after {} attempts ({}); giving up, the next run "
                        + "resumes from the last committed chunk", definition.name(), e.getRetryCount() + 1,
                        rootMessage(failure.getCause()));
                return failure.execution == null ? SweepOutcome.FAILED
                        : afterRun(definition, failure.execution, outcomeOf(failure.execution));
            } finally {
                held = attempts.held;
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

    /** The run-end tasks, in order, each seeing the outcome the one before it returned. */
    private SweepOutcome afterRun(JobDefinition definition, JobExecution execution, SweepOutcome outcome) {
        if (execution == null || definition.dryRun()) {
            return outcome;
        }
        SweepOutcome result = outcome;
        for (RunEndTask task : endTasks) {
            result = task.afterRun(definition, execution, result);
        }
        return result;
    }

    /**
     * One attempt at running the job; a transient database failure (thrown, or ending the execution)
     * is thrown as a {@link TransientFailure} so the retry policy starts the next attempt, which
     * resumes the failed execution from its last committed chunk.
     */
    private final class Attempts implements Retryable<SweepOutcome> {
        private final JobDefinition definition;
        private final List<MailboxTarget> targets;
        private final RunRequest request;
        private final String lockName;
        private MailboxLock held;
        private int attempt;
        private JobExecution execution;

        Attempts(JobDefinition definition, List<MailboxTarget> targets, RunRequest request, MailboxLock held,
                 String lockName) {
            this.definition = definition;
            this.targets = targets;
            this.request = request;
            this.held = held;
            this.lockName = lockName;
        }

        @Override
        public SweepOutcome execute() throws Exception {
            if (attempt++ > 0) {
                held = stillHeld(held, lockName);
                if (held == null) {
                    log.error("job '{}': its lock was lost with the database connection and another run has taken it; "
                            + "this one stops", definition.name());
                    return SweepOutcome.ANOTHER_RUN_ACTIVE;
                }
            }
            try {
                execution = jobOperator.start(jobFactory.create(definition, targets), parametersFor(request));
            } catch (Exception e) {
                if (TransientDatabaseErrors.isTransient(e)) {
                    throw new TransientFailure(null, e);
                }
                throw e;
            }
            log.info("job '{}' {}", definition.name(), execution.getStatus());
            Throwable failure = transientFailure(execution);
            if (failure != null) {
                throw new TransientFailure(execution, failure);
            }
            return outcomeOf(execution);
        }

        @Override
        public String getName() {
            return "job '" + definition.name() + "'";
        }
    }

    /** A run that failed on a database error that may pass. */
    private static final class TransientFailure extends Exception {
        final transient JobExecution execution;

        TransientFailure(JobExecution execution, Throwable cause) {
            super(cause.getMessage(), cause);
            this.execution = execution;
        }
    }

    private RetryTemplate retryTemplate() {
        RetryTemplate template = new RetryTemplate(RetryPolicies.doubling(properties.db().retryAttempts(),
                properties.db().retryPause(), TransientFailure.class::isInstance));
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                Throwable failure = state.getLastException();
                log.warn("{}: a database error that may pass ({}); resuming from the last committed chunk (retry {})",
                        retryable.getName(), rootMessage(failure.getCause() == null ? failure : failure.getCause()),
                        state.getRetryCount() + 1);
            }
        });
        return template;
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

    /** Retention after each sweep, when {@code bounce-sweeper.purge.older-than} is set; none by default. */
    public void purgeAfterEachSweep(PurgeSettings settings) {
        this.purge = settings;
    }

    /** A purge that fails is logged and left to the next sweep: the sweep itself has completed. */
    private void purgeAfterSweep(JobDefinition definition) {
        if (!purge.enabled()) {
            return;
        }
        try {
            Retention.Result r = new Retention(jobFactory.jdbc(), new TransactionTemplate(jobFactory.transactionManager()),
                    jobFactory.clock()).purge(purge.olderThan(), false);
            log.info("job '{}': purge (bounce-sweeper.purge.older-than={}): diagnostics and headers dropped from {} "
                    + "event(s) before {}; {} deciding event(s) kept whole", definition.name(), purge.olderThan(),
                    r.events(), r.cutoff(), r.keptDeciding());
        } catch (RuntimeException e) {
            log.error("job '{}': the purge after the sweep failed ({}); the next sweep tries again", definition.name(),
                    rootMessage(e));
        }
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
        Optional<JobExecution> last = lastExecution(request);
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
        if (o.uidFrom() != null) {
            b.addLong("uidFrom", o.uidFrom());
        }
        if (o.uidTo() != null) {
            b.addLong("uidTo", o.uidTo());
        }
        return b.toJobParameters();
    }

    /** A run given its own UID range works beside the runs of the folder's other ranges: its lock says which. */
    private static String uidRangeOf(RunOverrides o) {
        return o.uidFrom() == null && o.uidTo() == null ? "" : " UID " + UidRange.of(o.uidFrom(), o.uidTo());
    }

    /**
     * The last execution of the request's latest instance, whatever its age. A request's instances
     * are numbered 1, 2, 3, ... by {@link #RUN}: the highest is found by doubling, then halving,
     * one JobRepository lookup of an instance by its parameters per step.
     */
    private Optional<JobExecution> lastExecution(RunRequest request) {
        long found = 0;
        long missing = 1;
        while (instance(request, missing) != null) {
            found = missing;
            missing *= 2;
        }
        while (missing - found > 1) {
            long middle = (found + missing) >>> 1;
            if (instance(request, middle) != null) {
                found = middle;
            } else {
                missing = middle;
            }
        }
        return found == 0 ? Optional.empty()
                : Optional.ofNullable(jobRepository.getLastJobExecution(instance(request, found)));
    }

    private JobInstance instance(RunRequest request, long run) {
        return jobRepository.getJobInstance(SweepJobFactory.JOB_NAME, identifying(request, run));
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
