package io.plantd.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.plantd.app.PlantdMain;
import io.plantd.app.cli.ProbeCommand;
import io.plantd.app.wiring.ConnectionSettings;
import io.plantd.controller.config.Connection;
import io.plantd.drivers.modbus.ModbusSettings;
import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ModbusAddress;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.Protocol;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code plantd probe} against a real in-process Modbus TCP slave on loopback. */
class ProbeCommandTest {
    private static final DeviceProfile PROFILE = new DeviceProfile("test-chiller", "probe test", Protocol.MODBUS,
            DeviceKind.CHILLER, List.of(
                    point("motor_power", RegisterTable.INPUT, 10, DataType.FLOAT32, WordOrder.CDAB, "kW"),
                    point("drive_mode_status", RegisterTable.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, ""),
                    point("leaving_water_temp", RegisterTable.HOLDING, 1, DataType.INT16, WordOrder.ABCD, "degC"),
                    point("engine_ready", RegisterTable.DISCRETE, 2, DataType.BOOL, WordOrder.ABCD, "")),
            List.of(new AddressRange(RegisterTable.HOLDING, 20, 29)));

    private static ModbusSlave slave;
    private static int port;

    private static PointDef point(String name, RegisterTable t, int address, DataType type, WordOrder order, String unit) {
        return new PointDef(name, unit, false, Double.NaN, Double.NaN, 5000, "",
                new ModbusAddress(t, address, type, order, 1.0, 0.0, null, -1));
    }

    @BeforeAll
    static void startSlave() throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 16; i++) {
            image.addRegister(new SimpleRegister(0));
            image.addInputRegister(new SimpleInputRegister(0));
            image.addDigitalIn(new SimpleDigitalIn(false));
            image.addDigitalOut(new SimpleDigitalOut(false));
        }
        image.getRegister(0).setValue(2);
        image.getRegister(1).setValue(0x8000); // not implemented
        image.setInputRegister(10, new SimpleInputRegister(0x5000)); // 1234.5f = 0x449A5000, CDAB
        image.setInputRegister(11, new SimpleInputRegister(0x449A));
        image.setDigitalIn(2, new SimpleDigitalIn(true));
        port = freePort();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
    }

    @AfterAll
    static void stopSlave() {
        ModbusSlaveFactory.close(slave);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Profiles come from code here; the real loaders are wired by the app at merge. */
    private static final ProbeTargets TARGETS = new ProbeTargets() {
        @Override
        public ProbeTarget fromSiteConfig(Path config, String deviceId) throws ConfigException {
            Connection c = new Connection.ModbusTcp("127.0.0.1", port, 1, 500, 1, 125, false);
            return new ProbeTarget(deviceId, PROFILE, ConnectionSettings.fromConfig(c));
        }

        @Override
        public DeviceProfile profile(Path profileFile) {
            return PROFILE;
        }
    };

    private record Run(int exit, String out, String err, long millis) {
    }

    private static Run probe(String... args) {
        CommandLine cmd = new CommandLine(new ProbeCommand(TARGETS));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        long started = System.nanoTime();
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void printsEveryPointWithValueQualityAndRawRegisters() {
        Run r = probe("--config", "site.yaml", "--plan", "chiller-1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("device chiller-1 (profile test-chiller) at tcp 127.0.0.1:" + port + " unit 1: "
                + "4 point(s), 3 GOOD");
        assertThat(line(r.out(), "motor_power")).contains("1234.5", "kW", "GOOD", "0x5000 0x449A");
        assertThat(line(r.out(), "drive_mode_status")).contains(" 2 ", "GOOD", "0x0002");
        assertThat(line(r.out(), "leaving_water_temp")).contains("BAD", "0x8000", "not-implemented sentinel 0x8000");
        assertThat(line(r.out(), "engine_ready")).contains(" 1 ", "GOOD");
        // the plan: holding 0..1, input 10..11, discrete 2
        assertThat(r.out()).contains("3 request(s), 4 register(s) per poll");
    }

    @Test
    void probesByProfileAndConnectionFlagsWithoutASiteConfig() {
        Run r = probe("--profile", "chiller.yaml", "--host", "127.0.0.1", "--port", String.valueOf(port));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(line(r.out(), "motor_power")).contains("1234.5");
    }

    @Test
    void closedPortExitsOneQuicklyWithTheReason() throws IOException {
        int closed = freePort();
        Run r = probe("--profile", "chiller.yaml", "--host", "127.0.0.1", "--port", String.valueOf(closed));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("unreachable: connection refused by tcp 127.0.0.1:" + closed + " unit 1");
        assertThat(r.out()).contains("UNREACHABLE");
        assertThat(r.millis()).as("acceptance: exit within 2 s").isLessThan(2000);
    }

    @Test
    void usageErrorsAreReported() {
        assertThat(probe("--config", "site.yaml").err()).contains("--config needs the DEVICE");
        assertThat(probe("--profile", "p.yaml").err()).contains("--profile needs --host");
        assertThat(probe("dev").err()).contains("either --config FILE DEVICE or --profile FILE --host H");
    }

    @Test
    void aSiteConfigWithErrorsIsRefusedWithTheirPositions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path site = dir.resolve("site.yaml");
        java.nio.file.Files.writeString(site, "site:\n  id: x\n  bogus: 1\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = PlantdMain.commandLine();
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("probe", "--config", site.toString(), "chiller-1");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(site + ":3:3: site.bogus: unknown key");
    }

    @Test
    void anUnknownDeviceOfAValidSiteConfigIsNamed() {
        java.nio.file.Path example = java.nio.file.Path.of(System.getProperty("plantd.root"), "config", "sites", "example-10mw.yaml");
        StringWriter err = new StringWriter();
        CommandLine cmd = PlantdMain.commandLine();
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("probe", "--config", example.toString(), "no-such-device");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no device 'no-such-device'");
    }

    @Test
    void rtuConnectionsBecomeSerialSettings() {
        ModbusSettings s = ConnectionSettings.fromConfig(
                new Connection.ModbusRtu("/dev/ttyUSB0", 19200, "even", 8, 1, 7, 300, 0, 60));
        assertThat(s.framing()).isEqualTo(ModbusSettings.Framing.RTU_SERIAL);
        assertThat(s.endpoint()).isEqualTo("rtu /dev/ttyUSB0 19200 even unit 7");
        assertThat(s.maxRegistersPerRead()).isEqualTo(60);
        assertThat(ConnectionSettings.fromConfig(new Connection.ModbusTcp("gw", 502, 3, 500, 1, 125, true)).framing())
                .isEqualTo(ModbusSettings.Framing.RTU_OVER_TCP);
    }

    private static String line(String out, String point) {
        return out.lines().filter(l -> l.startsWith(point + " ")).findFirst().orElse("<no line for " + point + ">");
    }
}
