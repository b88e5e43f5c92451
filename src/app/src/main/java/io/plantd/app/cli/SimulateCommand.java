package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Serve a simulated plant over Modbus TCP on loopback from a scenario file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd simulate: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
