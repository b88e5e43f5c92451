package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Replay a scenario in accelerated time and print the results table per strategy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class BacktestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd backtest: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
