package io.plantd.app.cli;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serve a simulated plant (site meter, grid-signal gateway, hybrid chillers) over Modbus TCP on "
                    + "loopback from a scenario file, print where each device listens and log the plant state. "
                    + "Ctrl-C stops it. Register tables: docs/simulator.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Scenario YAML, for example config/scenarios/heat-wave.yaml.")
    Path scenarioFile;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "Simulated seconds per wall-clock second (default: ${DEFAULT-VALUE}, max 10000).")
    double speed;

    @Option(names = "--record", paramLabel = "FILE.csv",
            description = "Write the ground truth (one row per simulated second) to this CSV.")
    Path record;

    @Option(names = "--base-port", paramLabel = "N",
            description = "Meter on N, grid gateway on N+1, chiller i on N+2+i (default: the scenario's, 15020). "
                    + "0 picks free ports.")
    Integer basePort;

    @Option(names = "--exit-at-end",
            description = "Exit once the scenario's duration has been simulated instead of serving until Ctrl-C.")
    boolean exitAtEnd;

    @Option(names = "--log-every", defaultValue = "5", paramLabel = "S",
            description = "Seconds of wall time between plant-state log lines (0 = none; default: ${DEFAULT-VALUE}).")
    long logEveryS;

    @Option(names = "--start-at", paramLabel = "ISO",
            description = "Wall instant simulated time starts from (the devices serve the scenario's first second "
                    + "until then); pair with plantd run --time-scale --clock-anchor. Default: at once.")
    Instant startAt;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed > 0) || speed > 10_000) {
            throw new ParameterException(spec.commandLine(), "--speed must be above 0 and at most 10000, got " + speed);
        }
        if (basePort != null && (basePort < 0 || basePort > 65_000)) {
            throw new ParameterException(spec.commandLine(), "--base-port must be 0..65000, got " + basePort);
        }
        if (logEveryS < 0) {
            throw new ParameterException(spec.commandLine(), "--log-every must not be negative");
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(scenarioFile);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(speed)
                .withStopAtEnd(exitAtEnd).withLogEvery(Duration.ofSeconds(logEveryS));
        if (basePort != null) {
            options = options.withBasePort(basePort);
        }
        if (record != null) {
            options = options.withRecordCsv(record);
        }
        if (startAt != null) {
            options = options.withStartAt(startAt);
        }
        SimulatorRunner runner;
        try {
            runner = SimulatorRunner.start(scenario, options);
        } catch (IOException e) {
            err.println("plantd simulate: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.close();
            out.println("plantd simulate: stopped");
            out.flush();
            stopped.countDown();
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.printf(Locale.ROOT, "plantd simulate: scenario %s (%d s simulated, speed %sx)%s%n", scenario.name(),
                scenario.durationS(), num(speed), scenario.feasible() ? "" : " [designed infeasible]");
        for (String line : runner.endpointLines()) {
            out.println("  " + line);
        }
        if (record != null) {
            out.println("ground truth: " + record.toAbsolutePath());
        }
        out.println(exitAtEnd ? "serving until the scenario ends (Ctrl-C stops it earlier)" : "serving; Ctrl-C stops");
        out.flush();

        if (exitAtEnd) {
            while (!runner.awaitEnd(Duration.ofSeconds(1))) {
                if (stopped.getCount() == 0) {
                    return ExitCodes.OK;
                }
            }
            runner.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            out.printf(Locale.ROOT, "scenario finished: %s%n", runner.recorder().summary());
            out.flush();
            return ExitCodes.OK;
        }
        stopped.await();
        return ExitCodes.OK;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
