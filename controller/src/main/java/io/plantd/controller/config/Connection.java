package io.plantd.controller.config;

/** How to reach a device. Timeouts and retries are explicit: j2mod's defaults blow a 1 s cycle. */
public sealed interface Connection permits Connection.ModbusTcp, Connection.ModbusRtu, Connection.BacnetIp {

    long timeoutMs();

    int retries();

    /**
     * The bus (poll executor) a device is on unless the config names one: devices behind one TCP
     * endpoint or on one serial line share it, so a hung gateway cannot starve the others.
     */
    String defaultBus();

    /** Modbus TCP, or RTU framing over a TCP gateway when {@code rtuOverTcp}. */
    record ModbusTcp(String host, int port, int unitId, long timeoutMs, int retries,
                     int maxRegistersPerRead, boolean rtuOverTcp) implements Connection {
        @Override
        public String defaultBus() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** Modbus RTU on a serial line. {@code parity}: none, even or odd. */
    record ModbusRtu(String serialPort, int baudRate, String parity, int dataBits, int stopBits,
                     int unitId, long timeoutMs, int retries, int maxRegistersPerRead) implements Connection {
        @Override
        public String defaultBus() {
            return "serial:" + serialPort;
        }
    }

    /** BACnet/IP. {@code network}/{@code macAddress} reach an MS/TP device behind a router (0/"" for none). */
    record BacnetIp(String host, int port, int deviceInstance, long timeoutMs, int retries,
                    int network, String macAddress) implements Connection {
        @Override
        public String defaultBus() {
            return "bacnet:" + host + ":" + port;
        }
    }
}
