package io.plantd.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.plantd.sim.Simulation;
import io.plantd.sim.TestMasters;
import io.plantd.sim.TestScenarios;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.model.PlantModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A j2mod master on loopback reads the simulated devices and drives a chiller through its registers. */
class ModbusServingTest {
    Simulation sim;
    ModbusPlantServer server;
    Map<String, ModbusTCPMaster> masters = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        sim = new Simulation(TestScenarios.parse(TestScenarios.TWO_CHILLERS));
        server = ModbusPlantServer.start(sim.devices().all(), id -> new Binding("127.0.0.1", 0, 1));
        for (DeviceEndpoint e : server.endpoints()) {
            ModbusTCPMaster m = TestMasters.connected(e.host(), e.port());
            masters.put(e.deviceId(), m);
        }
    }

    @AfterEach
    void tearDown() {
        masters.values().forEach(ModbusTCPMaster::disconnect);
        server.close();
    }

    void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            server.applyWrites();
            sim.advance(1);
        }
        server.applyWrites();
        server.publish();
    }

    static float f32(InputRegister[] r, int at) {
        return Float.intBitsToFloat((r[at].getValue() << 16) | r[at + 1].getValue());
    }

    static long u32(InputRegister[] r, int at) {
        return ((long) r[at].getValue() << 16) | r[at + 1].getValue();
    }

    @Test
    void everyDeviceListensOnItsOwnEphemeralPort() {
        assertThat(server.endpoints()).extracting(DeviceEndpoint::deviceId).containsExactly("meter", "grid", "ch1", "ch2");
        assertThat(server.endpoints()).extracting(DeviceEndpoint::port).doesNotContain(0).doesNotHaveDuplicates();
        assertThat(server.endpoints()).extracting(DeviceEndpoint::profile)
                .containsExactly("sim-site-meter", "sim-grid-gateway", "sim-hybrid-chiller", "sim-hybrid-chiller");
    }

    @Test
    void meterShowsTheModelsSitePowerAsFloat32() throws Exception {
        advance(5);
        InputRegister[] r = masters.get("meter").readInputRegisters(1, 0, 6);
        PlantModel m = sim.model();
        assertThat((double) f32(r, 0)).isCloseTo(m.siteKw(), within(0.01));
        assertThat((double) f32(r, 2)).isCloseTo(m.itKw(), within(0.01));
        assertThat(f32(r, 4)).isEqualTo(60.0f);
        assertThat(m.siteKw()).isGreaterThan(2800 + 280 + 200);
    }

    @Test
    void gridGatewayShowsTheScriptedEvent() throws Exception {
        advance(61);
        InputRegister[] r = masters.get("grid").readInputRegisters(1, 0, 14);
        long start = sim.start().getEpochSecond();
        assertThat(r[0].getValue()).isEqualTo(2);
        assertThat(r[1].getValue()).isZero();
        assertThat(f32(r, 2)).isEqualTo(4000f);
        assertThat(f32(r, 4)).isEqualTo(0.15f);
        assertThat(f32(r, 6)).isEqualTo(0.9f);
        assertThat(u32(r, 8)).isEqualTo(start + 120);
        assertThat(u32(r, 10)).isEqualTo(start + 600);
        assertThat(f32(r, 12)).isEqualTo(60f);
    }

    @Test
    void writingDriveModeAndHeartbeatMovesTheChillerToEngine() throws Exception {
        ModbusTCPMaster ch1 = masters.get("ch1");
        ch1.writeSingleRegister(1, 0, new SimpleRegister(DriveCode.ENGINE));
        for (int s = 1; s <= 101; s++) {
            ch1.writeSingleRegister(1, 2, new SimpleRegister(s)); // heartbeat every second
            advance(1);
        }
        ChillerModel model = sim.model().chiller("ch1");
        assertThat(model.statusCode()).isEqualTo(DriveCode.ENGINE);
        InputRegister[] r = ch1.readInputRegisters(1, 0, 14);
        assertThat(r[0].getValue()).isEqualTo(DriveCode.ENGINE);
        assertThat(r[1].getValue()).isEqualTo(1); // ready
        assertThat(r[2].getValue()).isEqualTo(1); // running
        assertThat(f32(r, 6)).isZero(); // motor kW
        assertThat((double) f32(r, 8)).isCloseTo(model.tons(), within(0.01));
        assertThat(u32(r, 12)).isEqualTo(1);
        // read-back of the command registers
        assertThat(ch1.readMultipleRegisters(1, 0, 3)[0].getValue()).isEqualTo(DriveCode.ENGINE);
        // the other chiller still runs on its motor
        InputRegister[] r2 = masters.get("ch2").readInputRegisters(1, 0, 8);
        assertThat(r2[0].getValue()).isEqualTo(DriveCode.LOCAL);
        assertThat(f32(r2, 6)).isGreaterThan(100f);
    }

    @Test
    void invalidWritesAreRefusedWithAnExceptionAndChangeNothing() throws Exception {
        ModbusTCPMaster ch2 = masters.get("ch2");
        assertThatThrownBy(() -> ch2.writeSingleRegister(1, 0, new SimpleRegister(7)))
                .isInstanceOf(ModbusException.class);
        // ch2 does not support BLEND
        assertThatThrownBy(() -> ch2.writeSingleRegister(1, 0, new SimpleRegister(DriveCode.BLEND)))
                .isInstanceOf(ModbusException.class);
        // input registers and unmapped holding registers cannot be written
        assertThatThrownBy(() -> ch2.writeSingleRegister(1, 5, new SimpleRegister(1)))
                .isInstanceOf(ModbusException.class);
        advance(1);
        assertThat(ch2.readMultipleRegisters(1, 0, 1)[0].getValue()).isEqualTo(DriveCode.LOCAL);
        assertThat(sim.model().chiller("ch2").commandCode()).isEqualTo(DriveCode.LOCAL);
        // reading past the map is an illegal address
        assertThatThrownBy(() -> ch2.readInputRegisters(1, 13, 2)).isInstanceOf(ModbusException.class);
    }

    @Test
    void multipleRegisterWriteOfCommandAndShareWorks() throws Exception {
        ModbusTCPMaster ch1 = masters.get("ch1");
        ch1.writeMultipleRegisters(1, 0, new SimpleRegister[] {
            new SimpleRegister(DriveCode.BLEND), new SimpleRegister(25), new SimpleRegister(1)});
        advance(1);
        assertThat(sim.model().chiller("ch1").commandCode()).isEqualTo(DriveCode.BLEND);
        assertThat(sim.model().chiller("ch1").commandSharePct()).isEqualTo(25.0);
        assertThat(sim.model().chiller("ch1").effectiveCode()).isEqualTo(DriveCode.BLEND);
    }

    @Test
    void droppedDeviceStopsAnsweringAndComesBack() throws Exception {
        sim.model().setDropout("meter", true);
        advance(1);
        ModbusTCPMaster meter = masters.get("meter");
        assertThatThrownBy(() -> meter.readInputRegisters(1, 0, 2)).isInstanceOf(ModbusException.class);
        // other devices are unaffected
        assertThat(masters.get("grid").readInputRegisters(1, 0, 1)[0].getValue()).isZero();
        sim.model().setDropout("meter", false);
        advance(1);
        meter.disconnect();
        meter.connect();
        assertThat((double) f32(meter.readInputRegisters(1, 0, 2), 0)).isCloseTo(sim.model().siteKw(), within(0.01));
    }

    @Test
    void wordOrderFaultLooksLikeSwappedWordsOnTheWire() throws Exception {
        advance(1);
        sim.model().meter().setWordOrderFault(true);
        advance(1);
        InputRegister[] r = masters.get("meter").readInputRegisters(1, 0, 2);
        float swapped = Float.intBitsToFloat((r[1].getValue() << 16) | r[0].getValue());
        assertThat((double) swapped).isCloseTo(sim.model().siteKw(), within(0.01));
    }

    @Test
    void devicesCanShareOnePortUnderDifferentUnitIds() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Simulation other = new Simulation(TestScenarios.parse(TestScenarios.TWO_CHILLERS));
        int shared = port;
        try (ModbusPlantServer gateway = ModbusPlantServer.start(other.devices().all(),
                id -> new Binding("127.0.0.1", shared, id.equals("meter") ? 1 : id.equals("grid") ? 2 : id.equals("ch1") ? 3 : 4))) {
            assertThat(gateway.endpoints()).extracting(DeviceEndpoint::port).containsOnly(shared);
            ModbusTCPMaster m = TestMasters.connected("127.0.0.1", shared);
            try {
                other.advance(1);
                gateway.publish();
                assertThat((double) f32(m.readInputRegisters(1, 0, 2), 0)).isCloseTo(other.model().siteKw(), within(0.01));
                assertThat(m.readInputRegisters(2, 0, 1)[0].getValue()).isZero();
                m.writeSingleRegister(4, 0, new SimpleRegister(DriveCode.MOTOR));
                gateway.applyWrites();
                assertThat(other.model().chiller("ch2").commandCode()).isEqualTo(DriveCode.MOTOR);
                assertThat(other.model().chiller("ch1").commandCode()).isEqualTo(DriveCode.LOCAL);
            } finally {
                m.disconnect();
            }
        }
    }

    @Test
    void aPortAlreadyInUseFailsClearly() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Simulation other = new Simulation(TestScenarios.parse(TestScenarios.TWO_CHILLERS));
            assertThatThrownBy(() -> ModbusPlantServer.start(other.devices().all(),
                    id -> new Binding("127.0.0.1", id.equals("ch2") ? busy.getLocalPort() : 0, 1)))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("ch2: cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
    }
}
