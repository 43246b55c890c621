package io.bouncesweeper.cli;


import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Operator tools that run without Spring and without servers, chosen by the first argument; and the
 * help of every command, which must work with no settings at all (it never starts Spring).
 */
public final class CommandLine {
    static final String USAGE = """
            usage: java -jar bounce-sweeper.jar [COMMAND] [OPTIONS]

            Without a command, runs the configured job once (or, with --bounce-sweeper.mode=SCHEDULER,
            keeps running and fires the job definitions on their schedules).

            commands:
              (none)      sweep the bounce mailbox: read, parse, classify, store, archive
                          --job=NAME  --folder=F  --dry-run  --reclassify  (see README "Running it for real")
              classify    print the parser's and classifier's reading of mail files; no servers
              evaluate    score the parser on a labelled corpus; no servers
              report      write a self-contained HTML report with charts from the database
              state       an address's list state, why, the deciding event and its history
              unsuppress  release a suppressed address (an override the derived state honours)
              export      the suppression list as CSV or JSON for a list manager
              purge       drop old events' diagnostics and stored headers (retention)

            COMMAND --help prints that command's usage. Settings (bounce-sweeper.*) come from
            environment variables (BOUNCE_SWEEPER_IMAP_HOST ...) or --bounce-sweeper.x=y options.
            exit codes: 0 completed, 1 failed, 2 could not start (a setting is named), 3 another run is
            active.""";
    static final String JOB_USAGE = """
            usage: java -jar bounce-sweeper.jar [--job=NAME] [--folder=FOLDER] [--dry-run] [--reclassify]
                                                [--uid-from=N] [--uid-to=M] [--bounce-sweeper.SETTING=VALUE ...]

            Runs the job definition NAME (jobs/NAME.yml, default nightly-cleanup) once and exits.
            --uid-from/--uid-to read only that UID range of each folder: one huge folder split over
            several processes, each with its own range (docs/deploy.md).
            Required settings: bounce-sweeper.imap.host, .user, .password (or an OAuth2 token),
            bounce-sweeper.db.url, .user, .password; each may be an environment variable
            (BOUNCE_SWEEPER_DB_URL ...). README "Settings" lists them all.
            exit codes: 0 completed, 1 failed (the next run resumes), 2 could not start (the setting is
            named), 3 another run is working on the same job or folder.""";

    private CommandLine() {
    }

    /** @return the tool's exit code, or null when the arguments ask for the job itself */
    public static Integer runTool(String[] args) {
        return runTool(args, System.out, System.err);
    }

    public static Integer runTool(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return null;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean help = List.of(rest).contains("--help") || List.of(rest).contains("-h");
        return switch (args[0]) {
            case "--help", "-h", "help" -> printed(out, USAGE);
            case "classify" -> help ? printed(out, ClassifyCommand.USAGE) : ClassifyCommand.run(rest, out, err);
            case "evaluate" -> help ? printed(out, EvaluateCommand.USAGE) : EvaluateCommand.run(rest, out, err);
            case "report" -> new ReportCommand().run(rest, out, err);
            case "state" -> new StateCommand().run(rest, out, err);
            case "unsuppress" -> new UnsuppressCommand().run(rest, out, err);
            case "export" -> new ExportCommand().run(rest, out, err);
            case "purge" -> new PurgeCommand().run(rest, out, err);
            default -> List.of(args).contains("--help") ? printed(out, JOB_USAGE) : null;
        };
    }

    private static int printed(PrintStream out, String text) {
        out.println(text);
        return 0;
    }
}
