package io.plantd.app.cli;

import io.plantd.app.probe.DeviceProbe;
import io.plantd.app.probe.ProbeTarget;
import io.plantd.app.probe.ProbeTargets;
import io.plantd.app.wiring.ConfigProbeTargets;
import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.yaml.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Read every point of one device once and print a table: point, value, unit, quality, raw registers"
                    + " (hex), read latency (commissioning).",
            "Either a configured device (--config FILE DEVICE) or a profile plus a connection"
                    + " (--profile FILE --host H [--port P] [--unit U]) for a device not in any site config yet."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The device answered (some points may still be BAD; see the table).",
            "1:The device could not be reached, or the config/profile is invalid; the reason is printed.",
            ExitCodes.UNAVAILABLE_LINE, ExitCodes.USAGE_LINE})
public final class ProbeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE", description = "Device id in the site config.")
    String device;

    @Option(names = "--config", paramLabel = "FILE", description = "Site config that declares DEVICE.")
    Path config;

    @Option(names = "--plan", description = "Also print the read plan: which requests one poll makes.")
    boolean plan;

    @Option(names = "--profile", paramLabel = "FILE", description = "Device profile (instead of --config).")
    Path profile;

    @Option(names = "--host", paramLabel = "H", description = "Device or gateway address (with --profile).")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "502", description = "TCP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--unit", paramLabel = "U", defaultValue = "1", description = "Modbus unit id (default ${DEFAULT-VALUE}).")
    int unit;

    @Option(names = "--timeout-ms", defaultValue = "500", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--retries", defaultValue = "1", description = "Retries on a fresh connection (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rtu-over-tcp", description = "RTU framing through a TCP serial gateway.")
    boolean rtuOverTcp;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ProbeTargets targets;

    public ProbeCommand() {
        this(new ConfigProbeTargets());
    }

    public ProbeCommand(ProbeTargets targets) {
        this.targets = targets;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProbeTarget target;
        try {
            target = target();
        } catch (ConfigException e) {
            err.println("plantd probe: invalid configuration:\n" + e.getMessage());
            return ExitCodes.FAILED;
        } catch (UnsupportedOperationException e) {
            err.println("plantd probe: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (IllegalArgumentException e) {
            err.println("plantd probe: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        DeviceProbe probe = new DeviceProbe(target.deviceId(), target.profile(), target.settings());
        try {
            if (plan) {
                out.print(probe.plan());
                out.println();
            }
        } catch (IllegalArgumentException e) {
            err.println("plantd probe: profile " + target.profile().name() + " cannot be read: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        DeviceProbe.Outcome outcome = probe.run(Clock.systemUTC());
        probe.print(outcome, out);
        if (!outcome.reachable()) {
            err.println("plantd probe: device " + target.deviceId() + " unreachable: " + outcome.failure());
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private ProbeTarget target() throws ConfigException {
        if ((config == null) == (profile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --config FILE DEVICE or --profile FILE --host H");
        }
        if (config != null) {
            if (device == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config needs the DEVICE to probe");
            }
            return targets.fromSiteConfig(config, device);
        }
        if (host == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile needs --host");
        }
        ModbusSettings settings = ModbusSettings.tcp(host, port, unit).withTimeout(timeoutMs, retries);
        if (rtuOverTcp) {
            settings = settings.withFraming(ModbusSettings.Framing.RTU_OVER_TCP);
        }
        return new ProbeTarget(device != null ? device : host + ":" + port, targets.profile(profile), settings);
    }
}
