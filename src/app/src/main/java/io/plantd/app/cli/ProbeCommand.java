package io.plantd.app.cli;

import io.plantd.app.probe.BacnetProbe;
import io.plantd.app.probe.BacnetProbeTarget;
import io.plantd.app.probe.DeviceProbe;
import io.plantd.app.probe.ProbeTarget;
import io.plantd.app.probe.ProbeTargets;
import io.plantd.app.probe.WhoIsScan;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.Protocol;
import io.plantd.app.wiring.ConfigProbeTargets;
import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
                    + " (hex) or BACnet object/property, read latency (commissioning).",
            "Either a configured device (--config FILE DEVICE, Modbus or BACnet/IP) or a profile plus a connection"
                    + " (--profile FILE --host H [--port P] [--unit U | --instance N]) for a device not in any site"
                    + " config yet.",
            "With --who-is --host H [--port P] [--low N --high M]: send a BACnet Who-Is there (a device, or a"
                    + " subnet broadcast address) and list the devices that answer."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The device answered (some points may still be BAD; see the table); with --who-is, at"
                + " least one device answered.",
            "1:The device could not be reached, no device answered the Who-Is, or the config/profile is invalid;"
                    + " the reason is printed.",
            ExitCodes.USAGE_LINE})
public final class ProbeCommand implements Callable<Integer> {
    static final int MODBUS_PORT = 502;
    static final int BACNET_PORT = 47808;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE", description = "Device id in the site config.")
    String device;

    @Option(names = "--config", paramLabel = "FILE", description = "Site config that declares DEVICE.")
    Path config;

    @Option(names = "--plan", description = "Also print the read plan: which requests one poll makes (Modbus).")
    boolean plan;

    @Option(names = "--profile", paramLabel = "FILE", description = "Device profile (instead of --config).")
    Path profile;

    @Option(names = "--host", paramLabel = "H", description = "Device or gateway address (with --profile or --who-is).")
    String host;

    @Option(names = "--port", paramLabel = "P",
            description = "TCP port for Modbus (default 502), UDP port for BACnet/IP (default 47808).")
    Integer port;

    @Option(names = "--unit", paramLabel = "U", defaultValue = "1", description = "Modbus unit id (default ${DEFAULT-VALUE}).")
    int unit;

    @Option(names = "--instance", paramLabel = "N", description = "BACnet device instance (with a BACnet --profile).")
    Integer instance;

    @Option(names = "--timeout-ms", defaultValue = "500", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--retries", defaultValue = "1", description = "Retries on a fresh connection (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rtu-over-tcp", description = "RTU framing through a TCP serial gateway.")
    boolean rtuOverTcp;

    @Option(names = "--who-is", description = "BACnet discovery: send Who-Is to --host/--port and list the I-Ams.")
    boolean whoIs;

    @Option(names = "--low", paramLabel = "N", description = "Who-Is: lowest device instance (with --high).")
    Integer low;

    @Option(names = "--high", paramLabel = "M", description = "Who-Is: highest device instance (with --low).")
    Integer high;

    @Option(names = "--wait-ms", defaultValue = "1000", description = "Who-Is: how long to collect I-Ams (default ${DEFAULT-VALUE}).")
    long waitMs;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ProbeTargets targets;
    /** The --profile file once loaded (it decides the protocol, then serves the Modbus probe too). */
    private DeviceProfile loadedProfile;

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
        if (whoIs) {
            return whoIs(out, err);
        }
        if (low != null || high != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--low/--high go with --who-is");
        }
        Optional<BacnetProbeTarget> bacnet;
        ProbeTarget target = null;
        try {
            bacnet = bacnetTarget();
            if (bacnet.isEmpty()) {
                target = target();
            }
        } catch (ConfigException e) {
            err.println("plantd probe: invalid configuration:\n" + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("plantd probe: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (bacnet.isPresent()) {
            return probeBacnet(bacnet.get(), out, err);
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

    private int probeBacnet(BacnetProbeTarget target, PrintWriter out, PrintWriter err) {
        if (plan) {
            out.println("read plan: a BACnet probe reads each point with its own ReadProperty;"
                    + " the daemon batches them with ReadPropertyMultiple up to the device's max APDU");
        }
        BacnetProbe probe = new BacnetProbe(target);
        BacnetProbe.Outcome outcome = probe.run(Clock.systemUTC());
        probe.print(outcome, out);
        if (!outcome.reachable()) {
            err.println("plantd probe: device " + target.deviceId() + " unreachable: " + outcome.failure());
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private int whoIs(PrintWriter out, PrintWriter err) {
        if (config != null || profile != null || device != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--who-is takes --host [--port] [--low --high], no device");
        }
        if (host == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--who-is needs --host");
        }
        if ((low == null) != (high == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give both --low and --high, or neither");
        }
        if (waitMs < 1 || waitMs > 60_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait-ms must be 1..60000");
        }
        WhoIs range;
        try {
            range = low == null ? WhoIs.ALL : WhoIs.range(low, high);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--low/--high: " + e.getMessage());
        }
        WhoIsScan scan = new WhoIsScan(new InetSocketAddress(host, portOr(BACNET_PORT)), range, Duration.ofMillis(waitMs));
        List<DeviceInfo> found;
        try {
            found = scan.run();
        } catch (IOException e) {
            err.println("plantd probe: Who-Is to " + host + ":" + portOr(BACNET_PORT) + " failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
        scan.print(found, out);
        if (found.isEmpty()) {
            err.println("plantd probe: no BACnet device (" + scan.describeRange() + ") answered Who-Is at " + host + ":"
                    + portOr(BACNET_PORT) + " within " + waitMs + " ms");
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private int portOr(int fallback) {
        return port != null ? port : fallback;
    }

    private void checkModes() {
        if ((config == null) == (profile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --config FILE DEVICE or --profile FILE --host H");
        }
        if (config != null && device == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--config needs the DEVICE to probe");
        }
        if (profile != null && host == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile needs --host");
        }
    }

    /** The BACnet/IP device to probe, if the configured device or the given profile is BACnet. */
    private Optional<BacnetProbeTarget> bacnetTarget() throws ConfigException {
        checkModes();
        if (config != null) {
            return targets.bacnetFromSiteConfig(config, device);
        }
        DeviceProfile p = targets.profile(profile);
        loadedProfile = p;
        if (p.protocol() != Protocol.BACNET) {
            return Optional.empty();
        }
        if (instance == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a BACnet profile needs --instance N");
        }
        int udp = portOr(BACNET_PORT);
        return Optional.of(new BacnetProbeTarget(device != null ? device : host + ":" + udp, p,
                PeerAddress.local(new InetSocketAddress(host, udp)), instance,
                new RequestOptions(Duration.ofMillis(timeoutMs), retries)));
    }

    private ProbeTarget target() throws ConfigException {
        if (config != null) {
            return targets.fromSiteConfig(config, device);
        }
        ModbusSettings settings = ModbusSettings.tcp(host, portOr(MODBUS_PORT), unit).withTimeout(timeoutMs, retries);
        if (rtuOverTcp) {
            settings = settings.withFraming(ModbusSettings.Framing.RTU_OVER_TCP);
        }
        return new ProbeTarget(device != null ? device : host + ":" + portOr(MODBUS_PORT),
                loadedProfile != null ? loadedProfile : targets.profile(profile), settings);
    }
}
