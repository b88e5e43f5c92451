package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate a site config and its profiles; print every error as FILE:LINE:COLUMN: path: reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class CheckConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd check-config: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
