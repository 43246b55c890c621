package io.bouncesweeper.cli;

import io.bouncesweeper.store.PurgeSettings;
import io.bouncesweeper.store.Retention;
import org.springframework.boot.convert.DurationStyle;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code purge --older-than DURATION [--dry-run]}: retention by hand ({@link Retention}); the same
 * purge that {@code bounce-sweeper.purge.older-than} runs after each sweep.
 */
final class PurgeCommand extends DatabaseCommand {
    static final String USAGE = """
            usage: purge --older-than DURATION [--dry-run]
              Drops the raw diagnostic and the stored original headers of events older than DURATION (e.g. 180d,
              12h, P90D; at least 1d). Keeps every event row with its verdict (the list state derives the same),
              each address's deciding event whole, and the message identities that exactly-once needs.
              Setting bounce-sweeper.purge.older-than runs the same after each sweep.
              --older-than DURATION  retention (required)
              --dry-run              count what would be dropped; write nothing
              The database comes from bounce-sweeper.db.url, .user, .password (e.g. BOUNCE_SWEEPER_DB_URL),
              also accepted as --bounce-sweeper.db.url=... options.
              exit codes: 0 done, 1 failed, 2 usage, a missing setting or an unreachable database.""";

    PurgeCommand() {
        this(Clock.systemUTC());
    }

    PurgeCommand(Clock clock) {
        super("purge", Set.of("--older-than"), Set.of("--dry-run"), clock);
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    void check(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + args.positional().get(0));
        }
        olderThan(args);
    }

    @Override
    int execute(Arguments args, Database db, PrintStream out, PrintStream err) {
        boolean dryRun = args.flag("--dry-run");
        Retention.Result r = new Retention(db.jdbc(), db.transactions(), db.clock()).purge(olderThan(args), dryRun);
        out.printf("purge%s: %,d event(s) before %s %s their diagnostic and stored headers; %,d deciding event(s) "
                        + "kept whole%n", dryRun ? " (dry run, nothing written)" : "", r.events(), r.cutoff(),
                dryRun ? "would lose" : "lost", r.keptDeciding());
        return EXIT_OK;
    }

    private static Duration olderThan(Arguments args) {
        String v = args.value("--older-than");
        if (v == null) {
            throw new IllegalArgumentException("--older-than DURATION is required (e.g. 180d)");
        }
        Duration d;
        try {
            d = DurationStyle.detectAndParse(v.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--older-than wants a duration like 180d, 12h or P90D, not '" + v + "'");
        }
        if (!new PurgeSettings(d).isOlderThanSensible()) {
            throw new IllegalArgumentException("--older-than must be at least " + PurgeSettings.MINIMUM.toDays() + "d");
        }
        return d;
    }
}
