package io.plantd.drivers.modbus;

import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.profile.RegisterTable;

/**
 * The wire operations plantd needs from one Modbus device. Connects on first use and again after
 * any failure; a failure that leaves the connection in doubt (timeout, short or garbage answer)
 * drops it, so a late answer can never be taken for the answer to the next request.
 */
public interface ModbusLink extends AutoCloseable {

    /** FC03 (holding) or FC04 (input): exactly {@code count} 16-bit registers. */
    int[] readRegisters(RegisterTable table, int start, int count) throws DeviceException;

    /** FC01 (coils) or FC02 (discrete inputs): exactly {@code count} bits. */
    boolean[] readBits(RegisterTable table, int start, int count) throws DeviceException;

    /** FC06 for one register, FC16 for more. */
    void writeRegisters(int start, int[] words) throws DeviceException;

    /** FC05. */
    void writeCoil(int address, boolean value) throws DeviceException;

    @Override
    void close();
}
