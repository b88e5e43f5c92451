package io.plantd.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.app.PlantdMain;
import io.plantd.sim.bacnet.BacnetChillerProfile;
import io.plantd.sim.bacnet.BacnetObjectTable;
import io.plantd.sim.bacnet.SimulatedBacnetDevice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plantd probe} for BACnet/IP: a configured device of the shipped mixed site, a profile plus
 * flags, and Who-Is, all against the simulator's BACnet device on loopback UDP, through the real
 * CLI and config loaders.
 */
class BacnetProbeCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("plantd.root", "../.."));
    private static final int INSTANCE = 1004;

    @TempDir
    Path dir;
    private SimulatedBacnetDevice device;
    private Path site;

    @BeforeEach
    void start() throws Exception {
        BacnetObjectTable table = BacnetObjectTable.fromProfile(INSTANCE, BacnetChillerProfile.profile(),
                Map.of("motor_power", 812.5, "cooling_load", 430.0, "drive_mode_status", 1.0, "engine_ready", 1.0,
                        "drive_mode_cmd", 1.0));
        device = SimulatedBacnetDevice.start(table, 0);
        // the shipped mixed site, pointed at this device's port, profiles from the repository
        String shipped = Files.readString(ROOT.resolve("config/sites/sim-mixed-protocols.yaml"));
        assertThat(shipped).contains("port: 47809, deviceInstance: 1004");
        site = dir.resolve("site.yaml");
        Files.writeString(site, "profilesDir: " + ROOT.resolve("config/profiles").toAbsolutePath() + "\n"
                + shipped.replace("port: 47809,", "port: " + device.address().getPort() + ","));
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private record Run(int exit, String out, String err, long millis) {
    }

    private static Run plantd(String... args) {
        CommandLine cmd = PlantdMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        long started = System.nanoTime();
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void probesAConfiguredBacnetDeviceReadingEveryPointOnce() {
        int before = device.confirmedRequestsServed();
        Run r = plantd("probe", "--config", site.toString(), "ch4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("device ch4 (profile generic-bacnet-hybrid-chiller) at bacnet/ip 127.0.0.1:"
                + device.address().getPort() + ", device instance 1004: 13 point(s), 13 GOOD");
        assertThat(r.out()).contains("I-Am: device 1004 at 127.0.0.1:" + device.address().getPort()
                + " (max APDU 1476, vendor 999)");
        assertThat(r.out()).contains("POINT", "VALUE", "UNIT", "QUALITY", "OBJECT/PROPERTY", "LATENCY ms");
        assertThat(line(r.out(), "motor_power")).contains("812.5", "kW", "GOOD", "analog-input,2 present-value");
        assertThat(line(r.out(), "drive_mode_cmd")).contains(" 1 ", "GOOD", "analog-value,1 present-value");
        assertThat(line(r.out(), "engine_ready")).contains(" 1 ", "GOOD", "binary-input,1 present-value");
        assertThat(line(r.out(), "fault")).contains(" 0 ", "GOOD", "binary-input,5 present-value");
        // one ReadProperty per point: a probe writes nothing and asks nothing else
        assertThat(device.confirmedRequestsServed() - before).isEqualTo(13);
    }

    @Test
    void probesByBacnetProfileAndFlagsShowingTheDevicesErrorPerPoint() throws IOException {
        Path profile = dir.resolve("two-points.yaml");
        Files.writeString(profile, """
                name: two-points
                description: probe test
                protocol: bacnet
                kind: other
                points:
                  - { name: motor_power, object: analog-input, instance: 2, property: present-value, unit: kW }
                  - { name: missing, object: analog-input, instance: 99, property: present-value }
                """);
        Run r = plantd("probe", "--profile", profile.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(device.address().getPort()), "--instance", "1004");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 point(s), 1 GOOD");
        assertThat(line(r.out(), "motor_power")).contains("812.5", "GOOD");
        assertThat(line(r.out(), "missing")).contains("BAD", "analog-input,99 present-value", "unknown-object");

        Run noInstance = plantd("probe", "--profile", profile.toString(), "--host", "127.0.0.1");
        assertThat(noInstance.exit()).isEqualTo(io.plantd.app.cli.ExitCodes.USAGE);
        assertThat(noInstance.err()).contains("a BACnet profile needs --instance N");
    }

    @Test
    void whoIsListsTheDevicesThatAnswerWithinTheRange() {
        String port = String.valueOf(device.address().getPort());
        Run all = plantd("probe", "--who-is", "--host", "127.0.0.1", "--port", port, "--wait-ms", "300");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("Who-Is to 127.0.0.1:" + port + " (all instances), waited 300 ms: 1 device(s)");
        assertThat(all.out()).contains("INSTANCE", "ADDRESS", "MAX APDU", "VENDOR");
        assertThat(line(all.out().replaceAll("(?m)^ +", ""), "1004")).contains("127.0.0.1:" + port, "1476", "999", "none");

        Run inRange = plantd("probe", "--who-is", "--host", "127.0.0.1", "--port", port, "--low", "1000", "--high",
                "1010", "--wait-ms", "300");
        assertThat(inRange.exit()).isZero();
        assertThat(inRange.out()).contains("instances 1000..1010").contains("1 device(s)");

        Run outOfRange = plantd("probe", "--who-is", "--host", "127.0.0.1", "--port", port, "--low", "1", "--high",
                "10", "--wait-ms", "300");
        assertThat(outOfRange.exit()).isEqualTo(1);
        assertThat(outOfRange.out()).contains("0 device(s)");
        assertThat(outOfRange.err()).contains("no BACnet device (instances 1..10) answered Who-Is");

        assertThat(plantd("probe", "--who-is", "--host", "127.0.0.1", "--low", "5").err())
                .contains("give both --low and --high");
        assertThat(plantd("probe", "--who-is").err()).contains("--who-is needs --host");
    }

    @Test
    void aSilentPortExitsOneWithinTwoSeconds() throws Exception {
        int silentPort;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            silentPort = s.getLocalPort();
        }
        Run whoIs = plantd("probe", "--who-is", "--host", "127.0.0.1", "--port", String.valueOf(silentPort));
        assertThat(whoIs.exit()).isEqualTo(1);
        assertThat(whoIs.err()).contains("no BACnet device (all instances) answered Who-Is at 127.0.0.1:" + silentPort
                + " within 1000 ms");
        assertThat(whoIs.millis()).as("acceptance: exit within 2 s").isLessThan(2000);

        device.setSilent(true); // pulled cable: the configured device stops answering
        Run probe = plantd("probe", "--config", site.toString(), "ch4");
        assertThat(probe.exit()).isEqualTo(1);
        assertThat(probe.out()).contains("UNREACHABLE");
        assertThat(probe.err()).contains("device ch4 unreachable: no answer to ReadProperty of drive_mode_cmd",
                "and no I-Am for device 1004");
        assertThat(probe.millis()).as("acceptance: exit within 2 s").isLessThan(2000);
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start + " ")).findFirst().orElse("<no line for " + start + ">");
    }
}
