package io.bouncesweeper.job;

import io.bouncesweeper.config.BounceSweeperProperties;
import io.bouncesweeper.config.InvalidJobDefinitionException;
import io.bouncesweeper.config.JobDefinition;
import io.bouncesweeper.config.RunOverrides;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Run-once mode (cron, Kubernetes CronJob): one run at start-up, then the process exits with 0
 * (completed), 1 (failed), 3 (another run holds the job or a mailbox) or 4 (completed with a
 * sender-side alert, where the definition sets alerts.fail-run). The command line picks the
 * definition and adjusts it: {@code --job=reprocess-historic --folder=Bounces/2024 --select=ALL
 * --since=2024-01-01 --before=2025-01-01 --dry-run --keep-in-place --uid-from=1 --uid-to=500000}; {@code --reclassify} re-evaluates the
 * stored events with the current rules instead of reading mail (with --since/--before: by event time). In an Indexed Kubernetes Job,
 * JOB_COMPLETION_INDEX picks one mailbox entry of the definition.
 */
@Component
@ConditionalOnExpression("${bounce-sweeper.run-on-start:true} and '${bounce-sweeper.mode:RUN_ONCE}'.equalsIgnoreCase('RUN_ONCE')")
public class RunOnceRunner implements ApplicationRunner, ExitCodeGenerator {
    private final SweepLauncher launcher;
    private final BounceSweeperProperties properties;
    private volatile SweepOutcome outcome = SweepOutcome.FAILED;

    public RunOnceRunner(SweepLauncher launcher, BounceSweeperProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        outcome = launcher.run(request(args, properties.job(), System.getenv("JOB_COMPLETION_INDEX")));
    }

    static RunRequest request(ApplicationArguments args, String defaultJob, String completionIndex) {
        String job = option(args, "job");
        String select = option(args, "select");
        String since = option(args, "since");
        String before = option(args, "before");
        RunOverrides overrides = new RunOverrides(option(args, "folder"),
                select == null ? null : JobDefinition.Selection.valueOf(select.toUpperCase(Locale.ROOT)),
                since == null ? null : LocalDate.parse(since),
                before == null ? null : LocalDate.parse(before),
                args.containsOption("dry-run"), args.containsOption("keep-in-place"), args.containsOption("reclassify"),
                uid(args, "uid-from"), uid(args, "uid-to"));
        Integer shard = completionIndex == null || completionIndex.isBlank() ? null : Integer.valueOf(completionIndex.trim());
        return new RunRequest(job != null ? job : defaultJob, overrides, shard);
    }

    private static Long uid(ApplicationArguments args, String name) {
        String value = option(args, name);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidJobDefinitionException("--" + name + " must be a UID (a whole number), not '" + value + "'");
        }
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public int getExitCode() {
        return outcome.exitCode();
    }
}
