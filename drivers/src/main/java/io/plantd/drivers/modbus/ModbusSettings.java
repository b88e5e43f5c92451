package io.plantd.drivers.modbus;

import java.util.Objects;

/**
 * How to reach one Modbus device. Timeouts and retries are always explicit: j2mod's defaults
 * (3 s × 5 tries) would hold a bus for 15 s on one dead device.
 *
 * @param retries             extra attempts after the first, each on a fresh connection
 * @param maxRegistersPerRead largest register read (1..125); bit reads are capped at 2000
 * @param maxHoleRegisters    unused registers a read may bridge between points (0: only
 *                            contiguous points are merged); never bridges a declared gap
 * @param serial              the line settings, only for {@link Framing#RTU_SERIAL}
 */
public record ModbusSettings(Framing framing, String host, int port, SerialLine serial, int unitId,
                             long timeoutMs, int retries, int maxRegistersPerRead, int maxHoleRegisters) {

    public static final long DEFAULT_TIMEOUT_MS = 500;
    public static final int DEFAULT_RETRIES = 1;
    public static final int MAX_REGISTERS = 125;
    public static final int MAX_BITS = 2000;

    /** How frames travel. */
    public enum Framing {
        TCP,
        /** RTU frames (with CRC) through a TCP serial gateway. */
        RTU_OVER_TCP,
        RTU_SERIAL
    }

    /** A serial line. {@code parity}: none, even or odd. */
    public record SerialLine(String port, int baudRate, String parity, int dataBits, int stopBits) {
        public SerialLine {
            Objects.requireNonNull(port, "serial port");
            if (!parity.equals("none") && !parity.equals("even") && !parity.equals("odd")) {
                throw new IllegalArgumentException("parity must be none, even or odd, got " + parity);
            }
        }
    }

    public ModbusSettings {
        Objects.requireNonNull(framing, "framing");
        if (framing == Framing.RTU_SERIAL) {
            Objects.requireNonNull(serial, "serial line settings for RTU");
        } else {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, got " + port);
            }
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 0..255, got " + unitId);
        }
        if (timeoutMs < 1 || timeoutMs > 60_000) {
            throw new IllegalArgumentException("timeoutMs must be 1..60000, got " + timeoutMs);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10, got " + retries);
        }
        if (maxRegistersPerRead < 1 || maxRegistersPerRead > MAX_REGISTERS) {
            throw new IllegalArgumentException("maxRegistersPerRead must be 1..125, got " + maxRegistersPerRead);
        }
        if (maxHoleRegisters < 0) {
            throw new IllegalArgumentException("maxHoleRegisters must be >= 0, got " + maxHoleRegisters);
        }
    }

    /** Modbus TCP with the defaults: 500 ms timeout, 1 retry, 125 registers, contiguous reads only. */
    public static ModbusSettings tcp(String host, int port, int unitId) {
        return new ModbusSettings(Framing.TCP, host, port, null, unitId, DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES,
                MAX_REGISTERS, 0);
    }

    public ModbusSettings withTimeout(long newTimeoutMs, int newRetries) {
        return new ModbusSettings(framing, host, port, serial, unitId, newTimeoutMs, newRetries,
                maxRegistersPerRead, maxHoleRegisters);
    }

    public ModbusSettings withReadLimits(int newMaxRegisters, int newMaxHole) {
        return new ModbusSettings(framing, host, port, serial, unitId, timeoutMs, retries,
                newMaxRegisters, newMaxHole);
    }

    public ModbusSettings withFraming(Framing newFraming) {
        return new ModbusSettings(newFraming, host, port, serial, unitId, timeoutMs, retries,
                maxRegistersPerRead, maxHoleRegisters);
    }

    /** For logs and the probe, for example {@code tcp 127.0.0.1:502 unit 1}. */
    public String endpoint() {
        return switch (framing) {
            case TCP -> "tcp " + host + ":" + port + " unit " + unitId;
            case RTU_OVER_TCP -> "rtu-over-tcp " + host + ":" + port + " unit " + unitId;
            case RTU_SERIAL -> "rtu " + serial.port() + " " + serial.baudRate() + " " + serial.parity()
                    + " unit " + unitId;
        };
    }
}
