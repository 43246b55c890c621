package io.bouncesweeper.cli;

import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.JobDefinitions;
import io.bouncesweeper.job.SweepJobFactory;
import io.bouncesweeper.store.Releases;
import io.bouncesweeper.store.StoreSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * {@code unsuppress ADDRESS --reason TEXT}: releases a suppressed or complained address by an
 * override event ({@link Releases}) that the derived state honours, a rerun and {@code --reclassify}
 * too, until a new failure after it. The job definition's list policy and its {@code list-updates}
 * SQL apply, as they would in a sweep.
 */
final class UnsuppressCommand extends DatabaseCommand {
    static final int UNKNOWN_ADDRESS = 1;
    static final int NOT_SUPPRESSED = 4;
    static final String USAGE = """
            usage: unsuppress ADDRESS --reason TEXT [--job NAME]
              Releases a suppressed or complained address: records an override with the reason, the time
              and the OS user, and derives the address's state again, which is then active. The release
              survives reruns and --reclassify; a failure dated after it suppresses the address again.
              `state ADDRESS` shows it.
              --reason TEXT  why (required; kept with the release)
              --job NAME     the job definition whose list policy and list-updates SQL apply (run as a sweep
                             would); default: bounce-sweeper.job (nightly-cleanup) in bounce-sweeper.jobs-dir
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.
              exit codes: 0 released, 1 nothing is stored about the address, 4 the address is not suppressed
              or complained (nothing written), 2 usage, a missing setting or an unreachable database.""";

    UnsuppressCommand() {
        this(Clock.systemUTC());
    }

    UnsuppressCommand(Clock clock) {
        super("unsuppress", Set.of("--reason", "--job"), Set.of(), clock);
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    void check(Arguments args) {
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("unsuppress wants exactly one ADDRESS");
        }
        String reason = args.value("--reason");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--reason TEXT is required: say why the address is released");
        }
    }

    @Override
    int execute(Arguments args, Database db, PrintStream out, PrintStream err) {
        String jobsDir = db.settings().bind("bounce-sweeper.jobs-dir", String.class).orElse("jobs");
        String job = args.value("--job") != null ? args.value("--job")
                : db.settings().bind("bounce-sweeper.job", String.class).orElse("nightly-cleanup");
        JobDefinition definition = new JobDefinitions(Path.of(jobsDir), db.validator()).load(job);
        StoreSettings settings = SweepJobFactory.storeSettings(definition, VersionedClassifier.builtIn());
        try {
            Releases.Released r = new Releases(db.jdbc(), settings, db.transactions(), db.clock())
                    .release(args.positional().get(0), args.value("--reason"), System.getProperty("user.name"));
            out.printf("unsuppress: released %s (was %s, now %s) at %s, release #%d, policy of job '%s'%n",
                    r.release().recipient(), r.before().code(), r.now().status().code(), r.release().at(),
                    r.release().id(), definition.name());
            return EXIT_OK;
        } catch (Releases.NothingToRelease e) {
            err.println("unsuppress: " + e.getMessage());
            return e.status() == null ? UNKNOWN_ADDRESS : NOT_SUPPRESSED;
        }
    }
}
