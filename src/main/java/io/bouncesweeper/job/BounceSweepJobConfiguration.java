package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveFolders;
import io.bouncesweeper.archive.MailArchiver;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.ImapAuth;
import io.bouncesweeper.domain.MailboxMessage;
import io.bouncesweeper.domain.ProcessedMessage;
import io.bouncesweeper.imap.ImapConnector;
import io.bouncesweeper.imap.ImapSettings;
import io.bouncesweeper.imap.TokenSource;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.read.MailboxItemReader;
import io.bouncesweeper.store.BounceStore;
import io.bouncesweeper.store.SoftBouncePolicy;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The whole job in one place: archive what an earlier run left → read, parse, classify, store
 * (one transaction per chunk) and archive after each commit → archive any leftovers.
 */
@Configuration(proxyBeanMethods = false)
public class BounceSweepJobConfiguration {
    public static final String JOB_NAME = "bounceSweep";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BounceParser bounceParser() {
        return new DefaultBounceParser();
    }

    @Bean
    BounceClassifier bounceClassifier() {
        return new DefaultBounceClassifier();
    }

    @Bean
    ImapConnector imapConnector(BounceSweeperProperties p) {
        BounceSweeperProperties.Imap imap = p.imap();
        return new ImapConnector(new ImapSettings(imap.host(), imap.effectivePort(), imap.user(), imap.password(),
                imap.security(), imap.trustStore(), imap.trustStorePassword(), imap.connectTimeout(), imap.readTimeout(),
                imap.auth() == ImapAuth.XOAUTH2 ? TokenSource.of(imap.token(), imap.tokenFile(), imap.tokenCommand()) : null));
    }

    @Bean
    MailArchiver mailArchiver(ImapConnector connector, BounceSweeperProperties p) {
        return new MailArchiver(connector, p.imap().folder());
    }

    @Bean
    ArchiveFolders archiveFolders(BounceSweeperProperties p) {
        BounceSweeperProperties.Archive a = p.archive();
        return new ArchiveFolders(a.hard(), a.soft(), a.other(), a.unparsed());
    }

    @Bean
    BounceStore bounceStore(JdbcTemplate jdbc, BounceSweeperProperties p, Clock clock) {
        return new BounceStore(jdbc, new SoftBouncePolicy(p.policy().softThreshold(), p.policy().softWindow()), clock);
    }

    @Bean
    RunStatistics runStatistics() {
        return new RunStatistics();
    }

    @Bean
    MailboxItemReader mailboxItemReader(ImapConnector connector, BounceSweeperProperties p) {
        BounceSweeperProperties.Imap imap = p.imap();
        return new MailboxItemReader(connector, imap.mailbox(), imap.folder(),
                imap.select() == BounceSweeperProperties.Imap.Selection.UNSEEN, p.chunkSize(), imap.maxMessageBytes());
    }

    @Bean
    BounceItemWriter bounceItemWriter(BounceStore store, MailArchiver archiver, ArchiveFolders folders,
                                      PlatformTransactionManager tx, RunStatistics statistics) {
        TransactionTemplate separate = new TransactionTemplate(tx);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new BounceItemWriter(store, archiver, folders, separate, statistics);
    }

    @Bean
    ArchivePendingTasklet archivePendingTasklet(BounceStore store, MailArchiver archiver, BounceSweeperProperties p,
                                                RunStatistics statistics) {
        return new ArchivePendingTasklet(store, archiver, p.imap().mailbox(), p.imap().folder(), statistics);
    }

    @Bean
    Step sweepStep(JobRepository repository, PlatformTransactionManager tx, MailboxItemReader reader,
                   BounceParser parser, BounceClassifier classifier, Clock clock, BounceItemWriter writer,
                   BounceSweeperProperties p) {
        return new StepBuilder("sweep", repository)
                .<MailboxMessage, ProcessedMessage>chunk(p.chunkSize())
                .transactionManager(tx)
                .reader(reader)
                .processor(new BounceAnalysisProcessor(parser, classifier, clock))
                .writer(writer)
                .listener(writer)
                .build();
    }

    private static Step archiveStep(String name, JobRepository repository, PlatformTransactionManager tx,
                                    ArchivePendingTasklet tasklet) {
        return new StepBuilder(name, repository)
                .tasklet(tasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Job bounceSweepJob(JobRepository repository, PlatformTransactionManager tx, ArchivePendingTasklet tasklet,
                       Step sweepStep, RunStatistics statistics, MailArchiver archiver) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(new SummaryListener(statistics, archiver))
                .start(archiveStep("archivePending", repository, tx, tasklet))
                .next(sweepStep)
                .next(archiveStep("archiveLeftovers", repository, tx, tasklet))
                .build();
    }

    @Bean
    SweepLauncher sweepLauncher(JobOperator operator, JobRepository repository, Job bounceSweepJob,
                                DataSource dataSource, BounceSweeperProperties p, RunStatistics statistics) {
        return new SweepLauncher(operator, repository, bounceSweepJob, dataSource, p, statistics);
    }
}
