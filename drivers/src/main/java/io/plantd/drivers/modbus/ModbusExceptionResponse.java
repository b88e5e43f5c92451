package io.plantd.drivers.modbus;

import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.FailureKind;

/** The device answered a request with a Modbus exception code: it is there, but refused. */
public final class ModbusExceptionResponse extends DeviceException {
    private final int code;

    public ModbusExceptionResponse(int code, String request) {
        super(FailureKind.DEVICE_EXCEPTION, ExceptionCodes.describe(code) + " for " + request);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
