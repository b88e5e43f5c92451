package io.plantd.drivers.profile;

import static io.plantd.drivers.profile.ProfileLoader.DEFAULT_BACNET_PRIORITY;
import static io.plantd.drivers.profile.ProfileLoader.DEFAULT_MAX_AGE_MS;
import static io.plantd.drivers.profile.ProfileLoader.MAX_WIRE_ADDRESS;
import static io.plantd.drivers.profile.ProfileLoader.checkedInt;
import static io.plantd.drivers.profile.ProfileLoader.lower;

import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one entry of a profile's {@code points:}, Modbus or BACnet, reporting every mistake in it. */
final class PointReader {
    private static final Pattern POINT_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Profile-wide fallbacks from the optional {@code defaults:} block. */
    record Defaults(Optional<RegisterTable> table, Optional<DataType> type, Optional<WordOrder> order,
                    Optional<Long> maxAgeMs, Optional<Integer> priority) {
        static final Defaults NONE = new Defaults(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

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
        if (table.isEmpty() && m.get("table").isEmpty()) {
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

    private record Limits(double min, double max) {
    }
}
