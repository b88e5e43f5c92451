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
import java.util.regex.Pattern;

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

    private static final Pattern POINT_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_WIRE_ADDRESS = 65_535;

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
        Defaults defaults = map.get("defaults").map(v -> readDefaults(v.asMap(), modbus)).orElse(Defaults.NONE);
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

    private static Defaults readDefaults(YamlMap m, boolean modbus) {
        Defaults d;
        if (modbus) {
            d = new Defaults(
                    m.get("table").flatMap(v -> v.asEnum(RegisterTable.class)),
                    m.get("type").flatMap(v -> v.asEnum(DataType.class)),
                    m.get("order").flatMap(v -> v.asEnum(WordOrder.class)),
                    positiveMaxAge(m),
                    Optional.empty());
        } else {
            d = new Defaults(Optional.empty(), Optional.empty(), Optional.empty(), positiveMaxAge(m),
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

    /** Profile-wide fallbacks from the optional {@code defaults:} block. */
    record Defaults(Optional<RegisterTable> table, Optional<DataType> type, Optional<WordOrder> order,
                    Optional<Long> maxAgeMs, Optional<Integer> priority) {
        static final Defaults NONE = new Defaults(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Reads one entry of {@code points:}. */
    private static final class PointReader {
        private final YamlMap m;
        private final int base;
        private final Defaults defaults;

        PointReader(YamlValue item, int base, Defaults defaults) {
            this.m = item.asMap();
            this.base = base;
            this.defaults = defaults;
        }

        Optional<ParsedPoint> modbus() {
            Optional<YamlValue> nameNode = m.required("name");
            String name = name(nameNode);
            Optional<RegisterTable> table = m.get("table").flatMap(v -> v.asEnum(RegisterTable.class))
                    .or(defaults::table);
            if (table.isEmpty() && !m.has("table")) {
                m.missing("table");
            }
            Optional<YamlValue> addressNode = m.required("address");
            long number = addressNode.map(v -> checkedInt(v, base, MAX_WIRE_ADDRESS + base)).orElse((long) base);
            boolean bitTable = table.map(RegisterTable::bitTable).orElse(false);

            Optional<YamlValue> typeNode = m.get("type");
            DataType type = typeNode.flatMap(v -> v.asEnum(DataType.class))
                    .or(() -> bitTable ? Optional.of(DataType.BOOL) : defaults.type())
                    .orElse(DataType.UINT16);
            if (typeNode.isEmpty() && !bitTable && defaults.type().isEmpty()) {
                m.missing("type");
            }
            if (bitTable && type != DataType.BOOL) {
                typeNode.ifPresent(v -> v.error("a " + lower(table.get()) + " point is a single bit: type must be bool"));
            }
            Optional<YamlValue> orderNode = m.get("order");
            WordOrder order = orderNode.flatMap(v -> v.asEnum(WordOrder.class)).or(defaults::order).orElse(WordOrder.ABCD);

            Optional<YamlValue> scaleNode = m.get("scale");
            double scale = scaleNode.map(YamlValue::asDouble).orElse(1.0);
            if (scale == 0.0) {
                scaleNode.get().error("must not be 0 (every reading would be 0)");
            }
            double offset = m.get("offset").map(YamlValue::asDouble).orElse(0.0);
            Optional<YamlValue> sfNode = m.get("scaleFactor");
            String scaleFactor = sfNode.map(YamlValue::asString).filter(s -> !s.isEmpty()).orElse(null);
            if (scaleFactor != null && (bitTable || type == DataType.BOOL)) {
                sfNode.get().error("a bool point cannot have a scale factor");
            }
            if (bitTable || type == DataType.BOOL) {
                scaleNode.ifPresent(v -> v.error("a bool point cannot be scaled"));
                m.get("offset").ifPresent(v -> v.error("a bool point cannot have an offset"));
            }

            Optional<YamlValue> bitNode = m.get("bit");
            int bit = bitNode.map(v -> (int) checkedInt(v, 0, 15)).orElse(-1);
            if (bitNode.isPresent()) {
                if (bitTable) {
                    bitNode.get().error("a " + lower(table.get()) + " point is already a single bit: remove bit");
                } else if (type.registers() != 1) {
                    bitNode.get().error("bit selects one bit of a 16-bit register; type " + lower(type)
                            + " spans " + type.registers() + " registers");
                }
            }

            boolean writable = writable();
            if (writable && table.isPresent() && !table.get().writable()) {
                m.get("writable").get().error("a " + lower(table.get())
                        + " point is read-only in Modbus; only holding and coil points can be writable");
            }
            int wire = (int) (number - base);
            int width = bitTable ? 1 : type.registers();
            if (addressNode.isPresent() && wire >= 0 && wire + width - 1 > MAX_WIRE_ADDRESS) {
                addressNode.get().error("a " + lower(type) + " at " + number + " runs past the last register");
            }
            Limits limits = limits();
            long maxAge = maxAge();
            String unit = m.string("unit", "");
            String description = m.string("description", "");
            m.rejectUnknownKeys();
            if (table.isEmpty() || addressNode.isEmpty() || name.isEmpty()) {
                return Optional.empty();
            }
            ModbusAddress address = new ModbusAddress(table.get(), wire, type, order, scale, offset, scaleFactor, bit);
            PointDef def = new PointDef(name, unit, writable, limits.min, limits.max, maxAge, description, address);
            return Optional.of(new ParsedPoint(def, nameNode.get(), addressNode.get(), sfNode));
        }

        Optional<ParsedPoint> bacnet() {
            Optional<YamlValue> nameNode = m.required("name");
            String name = name(nameNode);
            Optional<YamlValue> objectNode = m.required("object");
            String object = objectNode.map(YamlValue::asString).orElse("");
            if (objectNode.isPresent() && !object.isEmpty() && !BacnetObjectTypes.isKnown(object)) {
                objectNode.get().error("unknown BACnet object type '" + object + "' (for example analog-value, "
                        + "binary-output, multi-state-value)");
            }
            long instance = m.required("instance").map(v -> checkedInt(v, 0, 4_194_302)).orElse(0L);
            Optional<YamlValue> propertyNode = m.get("property");
            String property = propertyNode.map(YamlValue::asString).orElse("present-value");
            if (propertyNode.isPresent() && !property.matches("[a-z][a-z0-9-]*")) {
                propertyNode.get().error("expected a BACnet property name such as present-value, got '" + property + "'");
            }
            int index = m.get("index").map(v -> (int) checkedInt(v, 0, 65_535)).orElse(-1);
            int priority = m.get("priority").map(v -> (int) checkedInt(v, 1, 16))
                    .or(defaults::priority).orElse(DEFAULT_BACNET_PRIORITY);
            boolean writable = writable();
            if (writable && object.endsWith("-input")) {
                m.get("writable").get().error("a " + object + " is read-only; write to an output or value object");
            }
            Limits limits = limits();
            long maxAge = maxAge();
            String unit = m.string("unit", "");
            String description = m.string("description", "");
            m.rejectUnknownKeys();
            if (objectNode.isEmpty() || name.isEmpty()) {
                return Optional.empty();
            }
            BacnetAddress address = new BacnetAddress(object, (int) instance, property, index, priority);
            PointDef def = new PointDef(name, unit, writable, limits.min, limits.max, maxAge, description, address);
            return Optional.of(new ParsedPoint(def, nameNode.get(), objectNode.get(), Optional.empty()));
        }

        private static String name(Optional<YamlValue> node) {
            String name = node.map(YamlValue::asString).orElse("");
            if (node.isPresent() && !name.isEmpty() && !POINT_NAME.matcher(name).matches()) {
                node.get().error("point names are lower_snake_case (a-z, 0-9, _), got '" + name + "'");
            }
            return name;
        }

        private boolean writable() {
            return m.bool("writable", false);
        }

        private long maxAge() {
            return m.get("maxAgeMs").map(v -> checkedInt(v, 1, 86_400_000))
                    .or(defaults::maxAgeMs).orElse(DEFAULT_MAX_AGE_MS);
        }

        private Limits limits() {
            double min = m.get("min").map(YamlValue::asDouble).orElse(Double.NaN);
            Optional<YamlValue> maxNode = m.get("max");
            double max = maxNode.map(YamlValue::asDouble).orElse(Double.NaN);
            if (!Double.isNaN(min) && !Double.isNaN(max) && min >= max) {
                maxNode.get().error("max must be greater than min (" + min + "), got " + max);
            }
            return new Limits(min, max);
        }
    }

    private record Limits(double min, double max) {
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
