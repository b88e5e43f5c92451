package io.plantd.app.cli;

/** Exit codes shared by every subcommand, and the lines that document them in --help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and found a problem: invalid config, unreachable device, failed run. */
    public static final int FAILED = 1;
    /** Bad command line. Not picocli's default 2: that was "not available" in early builds and stays unused. */
    public static final int USAGE = 3;

    public static final String OK_LINE = "0:Success.";
    public static final String FAILED_LINE = "1:Failure (invalid config, unreachable device, runtime error).";
    public static final String USAGE_LINE = "3:Invalid command-line usage (picocli: unknown option, missing argument).";

    private ExitCodes() {
    }
}
