package io.plantd.app.cli;

import io.plantd.app.soak.SoakReport;
import io.plantd.app.soak.SoakRun;
import io.plantd.app.soak.wire.WireSoakReport;
import io.plantd.app.soak.wire.WireSoakRun;
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
            "exceeded its per-hour limit, a cycle was missed, or the controller alone let the site over the cap.",
            "",
            "With --network: the same over real sockets. The daemon runs as a child process ('plantd run' in",
            "accelerated time) against the simulator over Modbus TCP and an embedded MQTT broker, each behind a",
            "fault proxy: socket drops, unanswered requests, Modbus exception responses, broker outages, and a",
            "SIGKILL of the daemon every 2-5 simulated hours. Fails on controller-caused seconds over the cap,",
            "starts over the limit, a crash, an uncaught exception, or a broker outage plantd did not recover from."},
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

    @Option(names = "--network", description = "soak the daemon process over real sockets (see above)")
    boolean network;

    @Option(names = "--hours", paramLabel = "H",
            description = "with --network: simulated hours (default: --days × 24)")
    Double hours;

    @Option(names = "--time-scale", defaultValue = "100", paramLabel = "X",
            description = "with --network: simulated seconds per wall second, 1..200 (default ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--out", paramLabel = "DIR",
            description = "with --network: where site config, state, decision log and daemon logs go"
                    + " (default: a fresh temporary directory)")
    Path out;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the plant state is persisted (default: a fresh temporary directory)")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            spec.commandLine().getErr().println("--days must be at least 1, got " + days);
            return ExitCodes.USAGE;
        }
        if (network) {
            return network();
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

    private int network() throws Exception {
        double h = hours != null ? hours : days * 24.0;
        if (!(h > 0) || !(timeScale >= 1 && timeScale <= io.plantd.app.daemon.TimeScale.MAX_FACTOR)) {
            spec.commandLine().getErr().println("--hours must be positive and --time-scale between 1 and "
                    + (int) io.plantd.app.daemon.TimeScale.MAX_FACTOR);
            return ExitCodes.USAGE;
        }
        Path folder = out != null ? Files.createDirectories(out) : Files.createTempDirectory("plantd-wire-soak");
        Path root = Path.of(System.getProperty("plantd.root", "."));
        var settings = new WireSoakRun.Settings(h, seed, faultsPerDay, 2 * 3600, 5 * 3600, itScale, timeScale, folder);
        spec.commandLine().getErr().println("network soak in " + folder);
        WireSoakReport r = WireSoakRun.run(settings, root, spec.commandLine().getErr());
        String command = "plantd soak --network --hours " + h + " --time-scale " + timeScale + " --seed " + seed
                + " --faults-per-day " + faultsPerDay + " --it-scale " + itScale;
        spec.commandLine().getOut().print(r.toMarkdown(command));
        spec.commandLine().getOut().flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
