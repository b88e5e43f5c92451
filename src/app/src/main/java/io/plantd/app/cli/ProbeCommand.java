package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Read every point of one configured device once and print a table (commissioning).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class ProbeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd probe: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
