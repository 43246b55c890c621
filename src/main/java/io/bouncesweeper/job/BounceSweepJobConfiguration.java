package io.bouncesweeper.job;

import io.bouncesweeper.archive.ArchiveMoments;
import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.TableSource;
import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.config.TableFolders;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;
import io.bouncesweeper.parse.ParseTables;
import io.bouncesweeper.store.PurgeSettings;
import jakarta.validation.Validator;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/** The pipeline's parts; {@link SweepJobFactory} assembles them into a job per run. */
@Configuration(proxyBeanMethods = false)
public class BounceSweepJobConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The parser over the built-in tables, with {@code bounce-sweeper.tables-dir}'s parse/ folder read first. */
    @Bean
    BounceParser bounceParser(BounceSweeperProperties p) {
        return bounceParser(p.tableFolders());
    }

    static BounceParser bounceParser(TableFolders folders) {
        return new DefaultBounceParser(DefaultBounceParser.DEFAULT_ORIGINAL_HEADERS,
                folders.parse().map(ParseTables::withOverrides).orElse(ParseTables.builtIn()));
    }

    /** The classifier over the built-in tables, with {@code bounce-sweeper.tables-dir}'s classify/ folder read first. */
    @Bean
    BounceClassifier bounceClassifier(BounceSweeperProperties p) {
        return bounceClassifier(p.tableFolders());
    }

    static BounceClassifier bounceClassifier(TableFolders folders) {
        return VersionedClassifier.of(folders.classify().map(TableSource::withOverrides).orElse(TableSource.builtIn()));
    }

    @Bean
    RunStatistics runStatistics() {
        return new RunStatistics();
    }

    @Bean
    JobDefinitions jobDefinitions(BounceSweeperProperties p, Validator validator) {
        return new JobDefinitions(Path.of(p.jobsDir()), validator);
    }

    @Bean
    SweepJobFactory sweepJobFactory(JobRepository repository, PlatformTransactionManager tx, DataSource dataSource,
                                    BounceParser parser, BounceClassifier classifier, Clock clock,
                                    RunStatistics statistics, BounceSweeperProperties p,
                                    ObjectProvider<ArchiveMoments> moments) {
        SweepJobFactory factory = new SweepJobFactory(repository, tx, dataSource, parser, classifier, clock, statistics, p);
        moments.ifAvailable(factory::setArchiveMoments); // only the crash harness of the tests has one
        return factory;
    }

    @Bean
    SweepLauncher sweepLauncher(JobOperator operator, JobRepository repository, SweepJobFactory factory,
                                JobDefinitions definitions, DataSource dataSource, BounceSweeperProperties p,
                                ObjectProvider<RunEndTask> endTasks,
                                PurgeSettings purge) {
        SweepLauncher launcher = new SweepLauncher(operator, repository, factory, definitions, dataSource, p,
                endTasks.orderedStream().toList());
        launcher.purgeAfterEachSweep(purge);
        return launcher;
    }
}
