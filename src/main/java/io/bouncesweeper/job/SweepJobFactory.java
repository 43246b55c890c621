package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.archive.ArchiveMoments;
import io.bouncesweeper.archive.ChunkArchiver;
import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.archive.OutboxDrain;
import io.bouncesweeper.archive.PendingArchiveMover;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.domain.MailboxMessage;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.SearchCriteria;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.read.MailboxItemReader;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.store.Correlation;
import io.bouncesweeper.store.ListPolicy;
import io.bouncesweeper.store.ListPreview;
import io.bouncesweeper.store.ReasonGroups;
import io.bouncesweeper.store.RecipientStatus;
import io.bouncesweeper.store.StateHooks;
import io.bouncesweeper.store.StoreSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole job in one place, built for one run of one definition: a partitioned step with one
 * partition per mailbox folder; each partition reads (one thread), parses and classifies (the
 * step's processing threads) and stores in one transaction per chunk; the archive moves each chunk
 * after its commit.
 */
public class SweepJobFactory {
    public static final String JOB_NAME = "bounceSweep";

    private final JobRepository repository;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final BounceParser parser;
    private final BounceClassifier classifier;
    private final Clock clock;
    private final RunStatistics statistics;
    private final BounceSweeperProperties properties;
    private ArchiveMoments moments = ArchiveMoments.NONE;
    private static final AsyncTaskExecutor PROCESSING = processingThreads();

    public SweepJobFactory(JobRepository repository, PlatformTransactionManager transactionManager, DataSource dataSource,
                           BounceParser parser, BounceClassifier classifier, Clock clock, RunStatistics statistics,
                           BounceSweeperProperties properties) {
        this.repository = repository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.parser = parser;
        this.classifier = classifier;
        this.clock = clock;
        this.statistics = statistics;
        this.properties = properties;
    }

    public Job create(JobDefinition definition, List<MailboxTarget> targets) {
        StoreSettings settings = storeSettings(definition, classifier);
        BounceParser jobParser = parserFor(settings.correlation());
        ListPreview preview = definition.dryRun() ? new ListPreview(newStore(jdbc, settings, clock).states(),
                settings.correlation()) : null;
        Map<String, Step> steps = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            steps.put("mailbox" + i, mailboxStep(definition, targets.get(i), settings, jobParser, preview));
        }
        Step sweep = new StepBuilder("sweep", repository)
                .partitioner("sweepMailbox", gridSize -> partitions(steps))
                .partitionHandler(new MailboxPartitionHandler(steps,
                        AccountConnectionLimits.maxParallel(definition.name(), targets, properties.maxParallelMailboxes())))
                .build();
        JobBuilder job = new JobBuilder(JOB_NAME, repository).listener(new SummaryListener(statistics));
        if (preview != null) {
            job.listener(new DryRunReport(preview));
        }
        return job.start(sweep).build();
    }

    /** What the definition says about storing, with the rules version of this classifier. */
    public static StoreSettings storeSettings(JobDefinition definition, BounceClassifier classifier) {
        JobDefinition.Policy p = definition.policy();
        JobDefinition.Correlation c = definition.correlation();
        JobDefinition.ListUpdates u = definition.listUpdates();
        Map<RecipientStatus, String> hooks = new EnumMap<>(RecipientStatus.class);
        put(hooks, RecipientStatus.SUPPRESSED, u.onSuppressed());
        put(hooks, RecipientStatus.COMPLAINED, u.onComplained());
        put(hooks, RecipientStatus.SOFT_BOUNCING, u.onSoftBouncing());
        put(hooks, RecipientStatus.ACTIVE, u.onActive());
        return new StoreSettings(
                new ListPolicy(p.softThreshold(), p.softWindow(), ReasonGroups.withOverrides(p.reasonGroups()),
                        Set.copyOf(p.allowList())),
                new Correlation(c.campaignHeader(), c.subscriberHeader(), c.listHeader(), c.extraHeaders(), c.verp()),
                new StateHooks(hooks), VersionedClassifier.versionOf(classifier));
    }

    private static void put(Map<RecipientStatus, String> hooks, RecipientStatus status, String sql) {
        if (sql != null && !sql.isBlank()) {
            hooks.put(status, sql);
        }
    }

    /** The parser keeps the original headers the correlation reads; a new one only when they differ from its defaults. */
    private BounceParser parserFor(Correlation correlation) {
        Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wanted.addAll(correlation.headerNames());
        Set<String> kept = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        kept.addAll(DefaultBounceParser.DEFAULT_ORIGINAL_HEADERS);
        if (kept.containsAll(wanted) || !(parser instanceof DefaultBounceParser defaultParser)) {
            return parser;
        }
        kept.addAll(wanted);
        return new DefaultBounceParser(List.copyOf(kept), defaultParser.tables()); // the operator's tables too
    }

    private static Map<String, ExecutionContext> partitions(Map<String, Step> steps) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (String key : steps.keySet()) {
            ExecutionContext context = new ExecutionContext();
            context.putString(MailboxPartitionHandler.PARTITION_KEY, key);
            contexts.put(key, context);
        }
        return contexts;
    }

    private Step mailboxStep(JobDefinition definition, MailboxTarget target, StoreSettings settings,
                             BounceParser jobParser, ListPreview preview) {
        SweepMode mode = definition.dryRun() ? SweepMode.DRY_RUN
                : definition.keepInPlace() ? SweepMode.KEEP_IN_PLACE : SweepMode.ARCHIVE;
        ImapConnector connector = new ImapConnector(target.settings());
        JobDefinition.Archive a = definition.archive();
        ArchiveFolders folders = new ArchiveFolders(a.hard(), a.soft(), a.other(), a.unparsed(), a.notices());
        BounceStore store = newStore(jdbc, settings, clock);
        String criteria = SearchCriteria.of(definition.select() == JobDefinition.Selection.UNSEEN,
                definition.since(), definition.before(), target.uids());
        MailboxItemReader reader = new MailboxItemReader(connector, target.mailbox(), target.folder(), criteria,
                definition.chunkSize(), properties.imap().maxMessageBytes(), properties.imap().retryAttempts(),
                properties.imap().retryPause(),
                (mailbox, folder, uidValidity) -> store.highestStoredUid(mailbox, folder, uidValidity, target.uids().to()));
        reader.setSearchListener(n -> statistics.searched(target.mailbox(), target.folder(), n));
        BounceItemWriter writer = new BounceItemWriter(store, folders, statistics, mode, preview);
        ChunkOrientedStepBuilder<MailboxMessage, ProcessedMessage> step = new StepBuilder("sweepMailbox", repository)
                .<MailboxMessage, ProcessedMessage>chunk(definition.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new BounceAnalysisProcessor(jobParser, classifier, clock))
                .taskExecutor(PROCESSING)
                .writer(writer)
                .listener(writer)
                .listener(new MailboxSweepListener(target, dataSource, statistics)); // first: the archive works inside the lock
        if (mode != SweepMode.DRY_RUN) {
            MailArchiver archiver = newArchiver(connector, target.folder());
            archiver.setMoments(moments);
            TransactionTemplate separate = new TransactionTemplate(transactionManager);
            separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            ChunkArchiver chunks = new ChunkArchiver(store, archiver, folders, separate, statistics, moments,
                    mode == SweepMode.ARCHIVE);
            step.listener(chunks);
            if (mode == SweepMode.ARCHIVE) {
                step.listener(new OutboxDrain(new PendingArchiveMover(store, archiver, target.mailbox(), target.folder(),
                        target.uids(), separate, statistics), chunks, archiver, target.folder()));
            }
        }
        return step.build();
    }

    /** Listens to the moments of each chunk's way to the archive (the tests' crash harness); none by default. */
    public void setArchiveMoments(ArchiveMoments moments) {
        this.moments = moments;
    }

    /** Parsing and classifying is CPU work: as many threads as cores, shared by all partitions, daemons so they never hold the JVM. */
    private static AsyncTaskExecutor processingThreads() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(), 30,
                TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "process-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        return new TaskExecutorAdapter(pool);
    }

    /** Seams for fault-injection tests: a real archiver and store that fail on cue. */
    protected MailArchiver newArchiver(ImapConnector connector, String folder) {
        return new MailArchiver(connector, folder, properties.imap().useMove());
    }

    protected BounceStore newStore(JdbcTemplate jdbc, StoreSettings settings, Clock clock) {
        return new BounceStore(jdbc, settings, clock);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public BounceClassifier classifier() {
        return classifier;
    }

    public Clock clock() {
        return clock;
    }

    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }
}
