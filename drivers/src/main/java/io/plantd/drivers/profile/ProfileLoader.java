package io.plantd.drivers.profile;

import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one device profile ({@code config/profiles/NAME.yaml}) strictly: every unknown key,
 * wrong type, impossible address or inconsistent point is reported with its file, line, column
 * and path, all in one pass. Numbers given 1-based are converted to the 0-based addresses sent
 * on the wire. {@link ModbusAddress#scaleFactorPoint()} is {@code null} when a point has none.
 */
public final class ProfileLoader {
    /** Age after which a sample is STALE when neither the point nor the profile defaults say. */
    public static final long DEFAULT_MAX_AGE_MS = 5_000;
    /** BACnet write priority: below operators (8), so a person at the BMS always wins. */
    public static final int DEFAULT_BACNET_PRIORITY = 10;

    static final int MAX_WIRE_ADDRESS = 65_535;

    private ProfileLoader() {
    }

    /** Loads a profile or throws with every error found in it. */
    public static DeviceProfile load(Path file) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Optional<DeviceProfile> profile = load(file, errors);
        errors.throwIfAny();
        return profile.orElseThrow();
    }

    /** Loads a profile, adding its errors to {@code errors}; empty if it has any. */
    public static Optional<DeviceProfile> load(Path file, ConfigErrors errors) {
        ConfigErrors own = new ConfigErrors();
        Optional<DeviceProfile> profile = YamlDocument.load(file, own)
                .map(root -> read(root, expectedName(file), own));
        own.list().forEach(errors::add);
        return own.isEmpty() ? profile : Optional.empty();
    }

    static String expectedName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    private static DeviceProfile read(YamlValue root, String expectedName, ConfigErrors errors) {
        YamlMap map = root.asMap();
        String name = map.required("name").map(v -> {
            String n = v.asString();
            if (!n.isEmpty() && !n.equals(expectedName)) {
                v.error("must equal the file name '" + expectedName + "', got '" + n + "'");
            }
            return n;
        }).orElse(expectedName);
        String description = map.string("description", "");
        Optional<Protocol> protocol = map.required("protocol").flatMap(v -> v.asEnum(Protocol.class));
        DeviceKind kind = map.required("kind").flatMap(v -> v.asEnum(DeviceKind.class)).orElse(DeviceKind.OTHER);
        boolean modbus = protocol.orElse(Protocol.MODBUS) == Protocol.MODBUS;

        int base = readAddressing(map, modbus, protocol.isPresent());
        PointReader.Defaults defaults = map.get("defaults").map(v -> readDefaults(v.asMap(), modbus))
                .orElse(PointReader.Defaults.NONE);
        List<AddressRange> gaps = new ArrayList<>();
        List<YamlValue> gapNodes = new ArrayList<>();
        map.get("gaps").ifPresent(v -> {
            if (!modbus) {
                v.error("gaps apply to modbus profiles only");
            }
            for (YamlValue g : v.asList()) {
                readGap(g, base).ifPresent(range -> {
                    gaps.add(range);
                    gapNodes.add(g);
                });
            }
        });

        List<ParsedPoint> points = new ArrayList<>();
        Optional<YamlValue> pointsValue = map.required("points");
        pointsValue.ifPresent(v -> {
            int before = errors.list().size();
            List<YamlValue> items = v.asList();
            if (items.isEmpty() && errors.list().size() == before) {
                v.error("a profile needs at least one point");
            }
            for (YamlValue item : items) {
                PointReader reader = new PointReader(item, base, defaults);
                (modbus ? reader.modbus() : reader.bacnet()).ifPresent(points::add);
            }
        });
        map.rejectUnknownKeys();

        new ProfileChecks(points, gaps, gapNodes, base).run();
        return new DeviceProfile(name, description, protocol.orElse(Protocol.MODBUS), kind,
                points.stream().map(ParsedPoint::def).toList(), gaps);
    }

    /** Returns 0 or 1: the number of the first register as the profile writes it. */
    private static int readAddressing(YamlMap map, boolean modbus, boolean protocolKnown) {
        if (!modbus) {
            map.get("addressing").ifPresent(v -> v.error("addressing applies to modbus profiles only"));
            return 0;
        }
        Optional<YamlValue> v = protocolKnown ? map.required("addressing") : map.get("addressing");
        if (v.isEmpty()) {
            return 0;
        }
        String text = v.get().asString();
        switch (text) {
            case "0-based":
                return 0;
            case "1-based":
                return 1;
            default:
                if (!text.isEmpty()) {
                    v.get().error("expected 0-based or 1-based, got '" + text + "'");
                }
                return 0;
        }
    }

    private static PointReader.Defaults readDefaults(YamlMap m, boolean modbus) {
        PointReader.Defaults d;
        if (modbus) {
            d = new PointReader.Defaults(
                    m.get("table").flatMap(v -> v.asEnum(RegisterTable.class)),
                    m.get("type").flatMap(v -> v.asEnum(DataType.class)),
                    m.get("order").flatMap(v -> v.asEnum(WordOrder.class)),
                    positiveMaxAge(m),
                    Optional.empty());
        } else {
            d = new PointReader.Defaults(Optional.empty(), Optional.empty(), Optional.empty(), positiveMaxAge(m),
                    m.get("priority").map(v -> (int) checkedInt(v, 1, 16)));
        }
        m.rejectUnknownKeys();
        return d;
    }

    private static Optional<Long> positiveMaxAge(YamlMap m) {
        return m.get("maxAgeMs").map(v -> checkedInt(v, 1, 86_400_000));
    }

    private static Optional<AddressRange> readGap(YamlValue g, int base) {
        YamlMap m = g.asMap();
        Optional<RegisterTable> table = m.required("table").flatMap(v -> v.asEnum(RegisterTable.class));
        Optional<YamlValue> fromNode = m.required("from");
        Optional<YamlValue> toNode = m.required("to");
        long from = fromNode.map(v -> checkedInt(v, base, MAX_WIRE_ADDRESS + base)).orElse(-1L);
        long to = toNode.map(v -> checkedInt(v, base, MAX_WIRE_ADDRESS + base)).orElse(-1L);
        m.rejectUnknownKeys();
        if (table.isEmpty() || fromNode.isEmpty() || toNode.isEmpty()) {
            return Optional.empty();
        }
        if (to < from) {
            toNode.get().error("must not be below from (" + from + ")");
            return Optional.empty();
        }
        return Optional.of(new AddressRange(table.get(), (int) (from - base), (int) (to - base)));
    }

    /** An integer in [min, max], reported at the value; returns it even when out of range. */
    static long checkedInt(YamlValue v, long min, long max) {
        long n = v.asLong();
        if (n < min || n > max) {
            v.error("must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
