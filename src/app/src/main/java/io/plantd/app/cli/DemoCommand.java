package io.plantd.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run simulator, controller and an embedded MQTT broker together, with zero set-up.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("plantd demo: not available yet in this build");
        return ExitCodes.UNAVAILABLE;
    }
}
