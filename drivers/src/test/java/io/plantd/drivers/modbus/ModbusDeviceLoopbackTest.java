package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.def;
import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.limited;
import static io.plantd.drivers.modbus.TestPoints.point;
import static io.plantd.drivers.modbus.TestPoints.profile;
import static io.plantd.drivers.modbus.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.modbus.TestSlave.Seen;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Modbus TCP on loopback against an in-process j2mod slave. */
class ModbusDeviceLoopbackTest {
    private static TestSlave slave;

    @BeforeAll
    static void startSlave() throws Exception {
        slave = TestSlave.start(300);
    }

    @AfterAll
    static void stopSlave() {
        slave.close();
    }

    @BeforeEach
    void clear() {
        slave.clearSeen();
    }

    /** The wire registers of a big-endian byte sequence in the given order, built with ByteBuffer. */
    private static int[] wire(byte[] bigEndian, WordOrder order) {
        int n = bigEndian.length / 2;
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = ((bigEndian[2 * i] & 0xFF) << 8) | (bigEndian[2 * i + 1] & 0xFF);
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int w = words[(order == WordOrder.CDAB || order == WordOrder.DCBA) ? n - 1 - i : i];
            out[i] = (order == WordOrder.BADC || order == WordOrder.DCBA) ? ((w & 0xFF) << 8) | (w >>> 8) : w;
        }
        return out;
    }

    @Test
    void everyTypeInEveryOrderReadsBackItsValue() throws Exception {
        List<PointDef> points = new ArrayList<>();
        Map<String, Double> expected = new java.util.HashMap<>();
        int address = 0;
        for (WordOrder order : WordOrder.values()) {
            for (DataType type : DataType.values()) {
                String name = type.name().toLowerCase() + "_" + order;
                double value = switch (type) {
                    case BOOL -> 1;
                    case INT16 -> -1234;
                    case UINT16 -> 54321;
                    case INT32 -> -123456789;
                    case UINT32 -> 3_000_000_000L;
                    case FLOAT32 -> (double) 231.75f;
                    case FLOAT64 -> 1.2345678901234e-7;
                };
                ByteBuffer bb = ByteBuffer.allocate(type.registers() * 2);
                switch (type) {
                    case BOOL, INT16, UINT16 -> bb.putShort((short) (long) value);
                    case INT32, UINT32 -> bb.putInt((int) (long) value);
                    case FLOAT32 -> bb.putFloat((float) value);
                    case FLOAT64 -> bb.putDouble(value);
                }
                slave.set(RegisterTable.INPUT, address, wire(bb.array(), order));
                points.add(point(name, RegisterTable.INPUT, address, type, order));
                expected.put(name, value);
                address += type.registers();
            }
        }
        try (ModbusDevice device = new ModbusDevice("dev", profile("all-types", points), slave.settings())) {
            Map<String, PointValue> values = device.poll(1000L);
            expected.forEach((name, value) -> {
                assertThat(values.get(name).quality()).as(name).isEqualTo(Quality.GOOD);
                assertThat(values.get(name).value()).as(name).isEqualTo(value);
                assertThat(values.get(name).timestampMillis()).isEqualTo(1000L);
            });
            // 4 orders x 13 registers = 52 contiguous registers: one read
            assertThat(slave.seen()).containsExactly(new Seen(RegisterTable.INPUT, 0, 52));
        }
    }

    @Test
    void batchingFollowsThePlanOnTheWire() throws Exception {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(holding("f" + i, 100 + 2 * i, DataType.FLOAT32)); // 100..159
        }
        points.add(holding("far", 200, DataType.INT16));
        points.add(point("coil", RegisterTable.COIL, 3, DataType.BOOL, WordOrder.ABCD));
        points.add(point("din", RegisterTable.DISCRETE, 7, DataType.BOOL, WordOrder.ABCD));
        ModbusSettings settings = slave.settings().withReadLimits(40, 0);
        try (ModbusDevice device = new ModbusDevice("dev", profile("batch", points), settings)) {
            device.poll(0);
            assertThat(slave.seen()).containsExactly(
                    new Seen(RegisterTable.HOLDING, 100, 40),
                    new Seen(RegisterTable.HOLDING, 140, 20),
                    new Seen(RegisterTable.HOLDING, 200, 1),
                    new Seen(RegisterTable.COIL, 3, 1),
                    new Seen(RegisterTable.DISCRETE, 7, 1));
            assertThat(device.plan().requests()).hasSize(5);
        }
    }

    @Test
    void declaredGapIsNeverRead() throws Exception {
        List<PointDef> points = List.of(holding("a", 10, DataType.INT16), holding("b", 25, DataType.INT16));
        DeviceProfile p = profile("gappy", points, List.of(new AddressRange(RegisterTable.HOLDING, 15, 19)));
        ModbusSettings bridging = slave.settings().withReadLimits(125, 20);
        try (ModbusDevice device = new ModbusDevice("dev", p, bridging)) {
            device.poll(0);
            assertThat(slave.seen()).containsExactly(new Seen(RegisterTable.HOLDING, 10, 1),
                    new Seen(RegisterTable.HOLDING, 25, 1));
        }
        slave.clearSeen();
        try (ModbusDevice device = new ModbusDevice("dev", profile("no-gap", points), bridging)) {
            device.poll(0);
            assertThat(slave.seen()).containsExactly(new Seen(RegisterTable.HOLDING, 10, 16));
        }
    }

    @Test
    void sunSpecScaleFactorsApplyWithinOnePoll() throws Exception {
        // model 203 layout: W at 18 (int16), W_SF at 22; energy at 38 (uint32) with its SF at 54
        slave.set(RegisterTable.HOLDING, 218, 12345);
        slave.set(RegisterTable.HOLDING, 222, 0xFFFF); // -1
        slave.set(RegisterTable.HOLDING, 238, 0x0001, 0x0000); // 65536
        slave.set(RegisterTable.HOLDING, 254, 0x8000); // SF not implemented
        List<PointDef> points = List.of(
                def("w", RegisterTable.HOLDING, 218, DataType.INT16, WordOrder.ABCD, 1, 0, "w_sf", -1, false,
                        Double.NaN, Double.NaN),
                holding("w_sf", 222, DataType.INT16),
                def("wh", RegisterTable.HOLDING, 238, DataType.UINT32, WordOrder.ABCD, 1, 0, "wh_sf", -1, false,
                        Double.NaN, Double.NaN),
                holding("wh_sf", 254, DataType.INT16));
        try (ModbusDevice device = new ModbusDevice("meter", profile("sunspec", points),
                slave.settings().withReadLimits(125, 40))) {
            Map<String, PointValue> v = device.poll(0);
            assertThat(v.get("w").value()).isEqualTo(1234.5);
            assertThat(v.get("wh").quality()).isEqualTo(Quality.BAD);
            assertThat(v.get("wh").reason()).contains("scale factor wh_sf is BAD").contains("0x8000");
            slave.set(RegisterTable.HOLDING, 222, 2);
            assertThat(device.poll(1).get("w").value()).isEqualTo(1234500.0);
        }
    }

    @Test
    void sentinelsAndLimitsReadAsBadOverTheWire() throws Exception {
        slave.set(RegisterTable.INPUT, 250, 0x8000, 0x7FC0, 0x0000, 6000);
        List<PointDef> points = List.of(point("i16", RegisterTable.INPUT, 250, DataType.INT16, WordOrder.ABCD),
                point("f", RegisterTable.INPUT, 251, DataType.FLOAT32, WordOrder.ABCD),
                limited(point("kw", RegisterTable.INPUT, 253, DataType.UINT16, WordOrder.ABCD), 0, 5000));
        try (ModbusDevice device = new ModbusDevice("dev", profile("s", points), slave.settings())) {
            Map<String, PointValue> v = device.poll(0);
            assertThat(v.values()).allSatisfy(pv -> {
                assertThat(pv.quality()).isEqualTo(Quality.BAD);
                assertThat(pv.value()).isNaN();
            });
            assertThat(v.get("kw").reason()).contains("outside limits");
        }
    }

    @Test
    void writesUseTheRightFunctionAndAreVerifiedByReadBack() throws Exception {
        PointDef mode = writable(limited(holding("drive_mode_cmd", 280, DataType.UINT16), 0, 3));
        PointDef setpoint = writable(point("setpoint", RegisterTable.HOLDING, 282, DataType.FLOAT32, WordOrder.CDAB));
        PointDef scaled = writable(def("limit", RegisterTable.HOLDING, 285, DataType.INT16, WordOrder.ABCD, 0.1, 0,
                null, -1, true, Double.NaN, Double.NaN));
        PointDef coil = writable(point("enable", RegisterTable.COIL, 9, DataType.BOOL, WordOrder.ABCD));
        PointDef readOnly = holding("status", 290, DataType.UINT16);
        PointDef input = writable(point("in", RegisterTable.INPUT, 5, DataType.UINT16, WordOrder.ABCD));
        DeviceProfile p = profile("w", List.of(mode, setpoint, scaled, coil, readOnly, input));
        try (ModbusDevice device = new ModbusDevice("chiller-1", p, slave.settings())) {
            WriteResult r = device.write("drive_mode_cmd", 2);
            assertThat(r.ok()).as(r.reason()).isTrue();
            assertThat(r.readBack()).isEqualTo(2.0);
            assertThat(slave.holding(280)).isEqualTo(2);

            assertThat(device.write("setpoint", 6.5).ok()).isTrue();
            assertThat(slave.holding(282)).isEqualTo(0x0000); // CDAB: low word first
            assertThat(slave.holding(283)).isEqualTo(0x40D0);

            WriteResult s = device.write("limit", 87.66);
            assertThat(s.ok()).isTrue();
            assertThat(slave.holding(285)).isEqualTo(877);
            assertThat(s.readBack()).isEqualTo(87.7);

            assertThat(device.write("enable", 1).ok()).isTrue();
            assertThat(slave.coil(9)).isTrue();

            assertThat(device.write("status", 1).reason()).contains("not writable");
            assertThat(device.write("in", 1).reason()).contains("read-only input table");
            assertThat(device.write("drive_mode_cmd", 7).reason()).contains("outside limits");
            assertThat(device.write("nope", 1).reason()).contains("no point nope");
            assertThat(slave.holding(290)).isZero();
            assertThat(slave.holding(280)).isEqualTo(2);
        }
    }

    @Test
    void rtuFramingOverTcpWorksToo() throws Exception {
        try (TestSlave rtu = TestSlave.startRtuOverTcp(20)) {
            rtu.set(RegisterTable.HOLDING, 3, 0x4248, 0x0000); // 50.0f
            ModbusSettings s = rtu.settings().withFraming(ModbusSettings.Framing.RTU_OVER_TCP);
            try (ModbusDevice device = new ModbusDevice("gw", profile("rtu",
                    List.of(holding("hz", 3, DataType.FLOAT32))), s)) {
                assertThat(device.poll(0).get("hz").value()).isEqualTo(50.0);
                assertThat(device.endpoint()).startsWith("rtu-over-tcp 127.0.0.1:");
            }
        }
    }
}
