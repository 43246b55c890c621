package io.bouncesweeper.cli;

/** Operator tools that run without Spring and without servers, chosen by the first argument. */
public final class CommandLine {
    private CommandLine() {
    }

    /** @return the tool's exit code, or null when the arguments ask for the job itself */
    public static Integer runTool(String[] args) {
        if (args.length == 0) {
            return null;
        }
        return null;
    }
}
