package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run the controller daemon against a site config.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd run: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
