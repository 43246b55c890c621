package io.bouncesweeper.cli;

import java.util.Arrays;

/** Operator tools that run without Spring and without servers, chosen by the first argument. */
public final class CommandLine {
    private CommandLine() {
    }

    /** @return the tool's exit code, or null when the arguments ask for the job itself */
    public static Integer runTool(String[] args) {
        if (args.length == 0) {
            return null;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "classify" -> ClassifyCommand.run(rest, System.out, System.err);
            case "evaluate" -> EvaluateCommand.run(rest, System.out, System.err);
            case "report" -> io.bouncesweeper.report.ReportCommand.run(rest, System.out, System.err);
            default -> null;
        };
    }
}
