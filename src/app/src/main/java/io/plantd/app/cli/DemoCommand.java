package io.plantd.app.cli;

import io.plantd.app.demo.Demo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a simulated plant, the controller and an embedded MQTT broker together, with zero set-up.",
            "Everything listens on 127.0.0.1; the output says where (Modbus ports, broker, /metrics, decision log)",
            "and prints every drive change with its reason plus a status line every few seconds. Ctrl-C stops it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Stopped by Ctrl-C/SIGTERM or after --duration.",
            "1:Could not start (invalid scenario or config, broker or port unavailable).",
            ExitCodes.USAGE_LINE})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Simulator scenario (default: config/scenarios/demo.yaml).")
    Path scenario;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Site config to bind to the simulator (default: config/sites/sim-demo.yaml).")
    Path config;

    @Option(names = "--broker", paramLabel = "URL",
            description = "Use this MQTT broker instead of starting the embedded one, e.g. tcp://127.0.0.1:1883.")
    String broker;

    @Option(names = "--status-every", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
    int statusEvery;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (default: run until Ctrl-C).")
    Integer duration;

    @Override
    public Integer call() throws InterruptedException {
        Path root = Path.of(System.getProperty("plantd.root", "."));
        Demo.Options options = new Demo.Options(
                scenario != null ? scenario : root.resolve("config/scenarios/demo.yaml"),
                config != null ? config : root.resolve("config/sites/sim-demo.yaml"),
                Optional.ofNullable(broker), Duration.ofSeconds(Math.max(1, statusEvery)));
        Demo demo;
        try {
            demo = Demo.start(options, System.out);
        } catch (Exception e) {
            spec.commandLine().getErr().println("plantd demo: cannot start: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return RunCommand.runUntilSignal(demo,
                duration == null ? Optional.empty() : Optional.of(Duration.ofSeconds(duration)));
    }
}
