package io.plantd.controller.config;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code devices:}: each device's profile name, connection and poll period. */
final class DeviceSection {
    /** A device as read, with the nodes that reference checks report at. */
    record Entry(DeviceConfig config, YamlValue idNode, Optional<YamlValue> profileNode,
                 Optional<YamlValue> connectionTypeNode, Optional<YamlValue> pollNode) {
    }

    enum ConnectionType {
        MODBUS_TCP,
        MODBUS_RTU_OVER_TCP,
        MODBUS_RTU,
        BACNET_IP
    }

    private DeviceSection() {
    }

    /** Devices by id; a duplicate id is reported and the first one kept. */
    static Map<String, Entry> read(YamlValue list) {
        Map<String, Entry> devices = new LinkedHashMap<>();
        List<YamlValue> items = list.asList();
        if (items.isEmpty() && !list.isNull()) {
            list.error("a site needs at least one device");
        }
        for (YamlValue item : items) {
            readOne(item.asMap()).ifPresent(e -> {
                Entry first = devices.putIfAbsent(e.config().id(), e);
                if (first != null) {
                    e.idNode().error("duplicate device id '" + e.config().id() + "' (first at line "
                            + first.idNode().line() + ")");
                }
            });
        }
        return devices;
    }

    private static Optional<Entry> readOne(YamlMap m) {
        Optional<YamlValue> idNode = Fields.id(m, "id");
        Optional<YamlValue> profileNode = m.required("profile");
        String profile = profileNode.map(YamlValue::asString).orElse("");
        Optional<YamlValue> pollNode = m.get("pollPeriodMs");
        long poll = m.integer("pollPeriodMs", ConfigDefaults.POLL_PERIOD_MS, 100, 3_600_000);
        Optional<YamlMap> connectionMap = m.required("connection").map(YamlValue::asMap);
        Optional<YamlValue> typeNode = connectionMap.flatMap(c -> c.get("type"));
        Optional<Connection> connection = connectionMap.map(DeviceSection::connection);
        String bus = m.get("bus").map(Fields::checkId)
                .orElse(connection.map(Connection::defaultBus).orElse(""));
        m.rejectUnknownKeys();
        String id = idNode.map(YamlValue::asString).orElse("");
        if (idNode.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        DeviceConfig config = new DeviceConfig(id, profile, connection.orElse(null), poll, bus);
        return Optional.of(new Entry(config, idNode.get(), profileNode, typeNode, pollNode));
    }

    static Connection connection(YamlMap m) {
        ConnectionType type = m.required("type").flatMap(v -> v.asEnum(ConnectionType.class))
                .orElse(ConnectionType.MODBUS_TCP);
        Connection c = switch (type) {
            case MODBUS_TCP, MODBUS_RTU_OVER_TCP -> new Connection.ModbusTcp(
                    Fields.token(m, "host"),
                    (int) m.integer("port", ConfigDefaults.MODBUS_TCP_PORT, 1, 65_535),
                    (int) m.integer("unitId", ConfigDefaults.MODBUS_UNIT_ID, 0, 255),
                    timeout(m, ConfigDefaults.MODBUS_TIMEOUT_MS),
                    retries(m, ConfigDefaults.MODBUS_RETRIES),
                    maxRegisters(m),
                    type == ConnectionType.MODBUS_RTU_OVER_TCP);
            case MODBUS_RTU -> new Connection.ModbusRtu(
                    Fields.token(m, "serialPort"),
                    (int) m.integer("baudRate", ConfigDefaults.RTU_BAUD_RATE, 1_200, 921_600),
                    m.get("parity").map(DeviceSection::parity).orElse(ConfigDefaults.RTU_PARITY),
                    (int) m.integer("dataBits", ConfigDefaults.RTU_DATA_BITS, 7, 8),
                    (int) m.integer("stopBits", ConfigDefaults.RTU_STOP_BITS, 1, 2),
                    (int) m.integer("unitId", ConfigDefaults.MODBUS_UNIT_ID, 1, 247),
                    timeout(m, ConfigDefaults.MODBUS_TIMEOUT_MS),
                    retries(m, ConfigDefaults.MODBUS_RETRIES),
                    maxRegisters(m));
            case BACNET_IP -> new Connection.BacnetIp(
                    Fields.token(m, "host"),
                    (int) m.integer("port", ConfigDefaults.BACNET_PORT, 1, 65_535),
                    (int) m.requiredInteger("deviceInstance", 0, 4_194_302),
                    timeout(m, ConfigDefaults.BACNET_TIMEOUT_MS),
                    retries(m, ConfigDefaults.BACNET_RETRIES),
                    (int) m.integer("network", 0, 0, 65_534),
                    m.string("macAddress", ""));
        };
        m.rejectUnknownKeys();
        return c;
    }

    private static long timeout(YamlMap m, long fallback) {
        return m.integer("timeoutMs", fallback, 50, 10_000);
    }

    private static int retries(YamlMap m, int fallback) {
        return (int) m.integer("retries", fallback, 0, 5);
    }

    private static int maxRegisters(YamlMap m) {
        return (int) m.integer("maxRegistersPerRead", ConfigDefaults.MAX_REGISTERS_PER_READ, 1, 125);
    }

    private static String parity(YamlValue v) {
        String p = v.asString();
        if (!List.of("none", "even", "odd").contains(p) && !p.isEmpty()) {
            v.error("expected none, even or odd, got '" + p + "'");
        }
        return p;
    }

    static List<DeviceConfig> configs(Map<String, Entry> entries) {
        List<DeviceConfig> list = new ArrayList<>();
        entries.values().forEach(e -> list.add(e.config()));
        return list;
    }
}
