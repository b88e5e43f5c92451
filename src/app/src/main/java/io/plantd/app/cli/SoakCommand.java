package io.plantd.app.cli;

import io.plantd.app.soak.SoakReport;
import io.plantd.app.soak.SoakRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run plantd's real policy against the simulated plant in accelerated time for N days with random faults",
            "(frozen meter, engine start failures and trips, gas loss, device timeouts) and a daemon restart every",
            "2-5 h through the persisted plant state; print the report (Markdown). Fails when an engine start",
            "exceeded its per-hour limit, a cycle was missed, or the controller alone let the site over the cap."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
public final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N", description = "simulated days (default ${DEFAULT-VALUE})")
    long days;

    @Option(names = "--seed", defaultValue = "7", description = "fault, restart and scenario seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--faults-per-day", defaultValue = "12", paramLabel = "N",
            description = "random faults per simulated day (default ${DEFAULT-VALUE})")
    double faultsPerDay;

    @Option(names = "--it-scale", defaultValue = "1.2", paramLabel = "K",
            description = "IT load multiplier on the generated year, so the cap binds (default ${DEFAULT-VALUE})")
    double itScale;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the plant state is persisted (default: a fresh temporary directory)")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            spec.commandLine().getErr().println("--days must be at least 1, got " + days);
            return ExitCodes.USAGE;
        }
        Path dir = stateDir != null ? stateDir : Files.createTempDirectory("plantd-soak");
        SoakReport r = SoakRun.run(new SoakRun.Settings(days, seed, faultsPerDay, 2 * 3600, 5 * 3600, itScale, dir));
        String command = "plantd soak --days " + days + " --seed " + seed + " --faults-per-day " + faultsPerDay
                + " --it-scale " + itScale;
        spec.commandLine().getOut().print(r.toMarkdown(command));
        spec.commandLine().getOut().flush();
        boolean ok = r.startsOverLimit() == 0 && r.missedCycles() == 0 && r.controllerOverCapS() == 0;
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
