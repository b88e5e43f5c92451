package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.drivers.modbus.HostileSlave.Behaviour;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.RegisterTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A hostile device: every failure becomes a clear reason, never a number. */
class ModbusFaultTest {
    private static final DeviceProfile PROFILE = profile("p", List.of(
            holding("a", 0, DataType.UINT16), holding("b", 1, DataType.FLOAT32), holding("c", 3, DataType.INT16)));

    private HostileSlave hostile;

    @BeforeEach
    void start() throws Exception {
        hostile = new HostileSlave();
    }

    @AfterEach
    void stop() throws Exception {
        hostile.close();
    }

    private ModbusDevice device(long timeoutMs, int retries) {
        return new ModbusDevice("d", PROFILE, hostile.settings(timeoutMs, retries));
    }

    @Test
    void wellBehavedHostileSlaveReadsGood() throws Exception {
        try (ModbusDevice d = device(300, 0)) {
            Map<String, PointValue> v = d.poll(0);
            assertThat(v.get("a").value()).isEqualTo(0.0);
            assertThat(v.get("c").value()).isEqualTo(3.0);
        }
    }

    @Test
    void slowDeviceTimesOutWithinBudgetAndRetriesOnAFreshConnection() {
        hostile.delay(1500);
        try (ModbusDevice d = device(200, 1)) {
            long started = System.nanoTime();
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(e.reason()).isEqualTo("no answer to holding 0..3 within 200 ms");
            assertThat(hostile.requests()).isEqualTo(2);
            assertThat(hostile.connections()).isEqualTo(2);
            // two tries of 200 ms, not j2mod's default 5 x 3 s: far under the 1.5 s the slave sleeps
            assertThat(elapsedMs).isLessThan(1500);
        }
    }

    /** Found by the response fuzzer: j2mod sizes a register answer as byte count / 2 and took 9 bytes for 4 registers. */
    @Test
    void aByteCountThatDoesNotMatchTheRegistersIsAProtocolError() {
        hostile.behave(Behaviour.ODD_BYTE_COUNT);
        try (ModbusDevice d = device(300, 0)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(e.reason()).isEqualTo("answer to holding 0..3 declares 9 data bytes for 4 registers");
        }
    }

    @Test
    void connectionClosedMidRequest() {
        hostile.behave(Behaviour.CLOSE);
        try (ModbusDevice d = device(300, 0)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(e.reason()).isEqualTo("answer to holding 0..3 cut short (connection closed or truncated frame)");
        }
    }

    @ParameterizedTest(name = "exception {0}")
    @CsvSource({
        "2, illegal data address (exception 02)",
        "4, slave device failure (exception 04)",
        "6, slave device busy (exception 06)",
        "11, gateway target device failed to respond (exception 0B)"})
    void exceptionCodesBecomeReadableReasons(int code, String text) {
        hostile.exception(code);
        try (ModbusDevice d = device(300, 2)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            assertThat(e.kind()).isEqualTo(FailureKind.DEVICE_EXCEPTION);
            assertThat(e.reason()).isEqualTo("every read refused: " + text + " for holding 0..3");
            assertThat(hostile.requests()).as("an exception answer is not retried").isEqualTo(1);
        }
    }

    @Test
    void oneRefusedReadMarksOnlyItsPointsBad() throws Exception {
        try (TestSlave slave = TestSlave.start(20)) {
            slave.set(RegisterTable.HOLDING, 5, 77);
            DeviceProfile p = profile("partial", List.of(holding("ok", 5, DataType.UINT16),
                    holding("missing", 100, DataType.UINT16)));
            try (ModbusDevice d = new ModbusDevice("d", p, slave.settings())) {
                Map<String, PointValue> v = d.poll(9);
                assertThat(v.get("ok").value()).isEqualTo(77.0);
                assertThat(v.get("missing").quality()).isEqualTo(Quality.BAD);
                assertThat(v.get("missing").reason()).isEqualTo("illegal data address (exception 02) for holding 100..100");
            }
        }
    }

    @Test
    void shortAnswerIsAProtocolError() {
        hostile.behave(Behaviour.SHORT);
        try (ModbusDevice d = device(300, 0)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(e.reason()).contains("holding 0..3").contains("2 of 4 registers");
        }
    }

    @Test
    void wrongFunctionAnswerIsRefusedWithAReason() {
        hostile.behave(Behaviour.WRONG_FUNCTION);
        try (ModbusDevice d = device(300, 0)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            // j2mod cannot tell a frame too short for its function code from a closed socket
            assertThat(e.kind()).isIn(FailureKind.PROTOCOL, FailureKind.CONNECTION);
            assertThat(e.reason()).contains("holding 0..3");
        }
    }

    @Test
    void noiseNeverReadsAsNumbersAndTheDeviceRecoversAfterwards() throws Exception {
        hostile.behave(Behaviour.NOISE);
        try (ModbusDevice d = device(300, 0)) {
            DeviceException e = catchThrowableOfType(DeviceException.class, () -> d.poll(0));
            assertThat(e.reason()).contains("holding 0..3");
            hostile.behave(Behaviour.NORMAL);
            assertThat(d.poll(1).get("c").value()).isEqualTo(3.0);
            assertThat(hostile.connections()).as("reconnected after the garbage").isEqualTo(2);
        }
    }

    @Test
    void reconnectsAfterSocketLoss() throws Exception {
        try (ModbusDevice d = device(300, 1)) {
            assertThat(d.poll(0).get("a").isGood()).isTrue();
            hostile.dropConnections();
            assertThat(d.poll(1).get("a").isGood()).isTrue();
            assertThat(hostile.connections()).isEqualTo(2);
        }
    }

    @Test
    void closedPortFailsFastWithAReadableReason() throws Exception {
        int port = TestSlave.freePort();
        ModbusSettings s = ModbusSettings.tcp("127.0.0.1", port, 1);
        try (ModbusDevice d = new ModbusDevice("d", PROFILE, s)) {
            assertThatThrownBy(() -> d.poll(0)).isInstanceOf(DeviceException.class)
                    .hasMessage("connection refused by tcp 127.0.0.1:" + port + " unit 1");
        }
    }
}
