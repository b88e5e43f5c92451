package io.plantd.drivers.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.profile.RegisterTable;
import org.junit.jupiter.api.Test;

/** No serial hardware in CI: this only proves a missing line fails cleanly with a reason. */
class SerialLinkTest {
    @Test
    void missingSerialPortIsAConnectionFailureWithTheLineInTheReason() {
        ModbusSettings s = new ModbusSettings(ModbusSettings.Framing.RTU_SERIAL, null, 0,
                new ModbusSettings.SerialLine("/dev/plantd-no-such-tty", 19200, "even", 8, 1), 3, 200, 0, 125, 0);
        try (J2modLink link = new J2modLink(s)) {
            DeviceException e = catchThrowableOfType(DeviceException.class,
                    () -> link.readRegisters(RegisterTable.HOLDING, 0, 2));
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(e.reason()).startsWith("cannot connect to rtu /dev/plantd-no-such-tty 19200 even unit 3");
        }
    }
}
