package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.archive.MailArchiver;
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
import io.bouncesweeper.store.SoftBouncePolicy;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole job in one place, built for one run of one definition: a partitioned step with one
 * partition per mailbox folder; each partition reads, parses, classifies and stores in one
 * transaction per chunk, and archives each chunk after its commit.
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
        Map<String, Step> steps = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            steps.put("mailbox" + i, mailboxStep(definition, targets.get(i)));
        }
        Step sweep = new StepBuilder("sweep", repository)
                .partitioner("sweepMailbox", gridSize -> partitions(steps))
                .partitionHandler(new MailboxPartitionHandler(steps, properties.maxParallelMailboxes()))
                .build();
        return new JobBuilder(JOB_NAME, repository)
                .listener(new SummaryListener(statistics))
                .start(sweep)
                .build();
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

    private Step mailboxStep(JobDefinition definition, MailboxTarget target) {
        SweepMode mode = definition.dryRun() ? SweepMode.DRY_RUN
                : definition.keepInPlace() ? SweepMode.KEEP_IN_PLACE : SweepMode.ARCHIVE;
        ImapConnector connector = new ImapConnector(target.settings());
        MailArchiver archiver = newArchiver(connector, target.folder());
        JobDefinition.Archive a = definition.archive();
        ArchiveFolders folders = new ArchiveFolders(a.hard(), a.soft(), a.other(), a.unparsed(), a.notices());
        BounceStore store = newStore(jdbc,
                new SoftBouncePolicy(definition.policy().softThreshold(), definition.policy().softWindow()), clock);
        TransactionTemplate separate = new TransactionTemplate(transactionManager);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String criteria = SearchCriteria.of(definition.select() == JobDefinition.Selection.UNSEEN,
                definition.since(), definition.before());
        MailboxItemReader reader = new MailboxItemReader(connector, target.mailbox(), target.folder(), criteria,
                definition.chunkSize(), properties.imap().maxMessageBytes());
        BounceItemWriter writer = new BounceItemWriter(store, archiver, folders, separate, statistics, mode);
        return new StepBuilder("sweepMailbox", repository)
                .<MailboxMessage, ProcessedMessage>chunk(definition.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new BounceAnalysisProcessor(parser, classifier, clock))
                .writer(writer)
                .listener(writer)
                .listener(new MailboxSweepListener(target, dataSource,
                        new PendingArchiveMover(store, archiver, target, separate, statistics), writer, archiver, mode))
                .build();
    }

    /** Seams for fault-injection tests: a real archiver and store that fail on cue. */
    protected MailArchiver newArchiver(ImapConnector connector, String folder) {
        return new MailArchiver(connector, folder, properties.imap().useMove());
    }

    protected BounceStore newStore(JdbcTemplate jdbc, SoftBouncePolicy policy, Clock clock) {
        return new BounceStore(jdbc, policy, clock);
    }
}
