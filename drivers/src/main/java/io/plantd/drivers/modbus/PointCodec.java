package io.plantd.drivers.modbus;

import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.ModbusAddress;
import io.plantd.drivers.profile.PointDef;

/**
 * Turns a point's raw registers into its engineering value and back. Pure. Engineering value
 * = raw × scale × 10^sf + offset. "Not implemented" sentinels, NaN and values outside the
 * profile's limits become BAD with the reason: a missing value must never read as zero.
 */
public final class PointCodec {
    /** SunSpec scale factors are -10..10; anything else is a broken or unimplemented register. */
    public static final int MAX_SCALE_EXPONENT = 10;

    private PointCodec() {
    }

    /** Decodes the point's {@code width()} registers starting at {@code words[offset]}. */
    public static PointValue decode(PointDef def, int[] words, int offset, int scaleExponent, long timestampMillis) {
        ModbusAddress a = def.modbus();
        String unit = def.unit();
        long bits = WordOrders.toBigEndian(words, offset, a.type().registers(), a.order());
        if (a.bit() >= 0) {
            // a bitfield: one bit of the (byte-ordered) 16-bit register; sentinels do not apply
            return limited(def, (bits >>> a.bit()) & 1, timestampMillis);
        }
        String sentinel = sentinel(a.type(), bits);
        if (sentinel != null) {
            return PointValue.bad(unit, "not-implemented sentinel " + sentinel, timestampMillis);
        }
        double raw = raw(a.type(), bits);
        if (!Double.isFinite(raw)) {
            return PointValue.bad(unit, "not a number (" + raw + ") from " + hex(bits, a.type()), timestampMillis);
        }
        return limited(def, engineering(a, raw, scaleExponent), timestampMillis);
    }

    /** Decodes one coil or discrete input. */
    public static PointValue decodeBit(PointDef def, boolean bit, long timestampMillis) {
        return limited(def, bit ? 1 : 0, timestampMillis);
    }

    private static PointValue limited(PointDef def, double value, long timestampMillis) {
        if (!def.withinLimits(value)) {
            return PointValue.bad(def.unit(), "value " + value + " " + def.unit() + " outside limits ["
                    + def.min() + ", " + def.max() + "]", timestampMillis);
        }
        return PointValue.good(value, def.unit(), timestampMillis);
    }

    static double engineering(ModbusAddress a, double raw, int sf) {
        double scaled = raw * a.scale();
        // divide for negative exponents: 1234 / 100 is exactly 12.34, 1234 * 0.01 is not
        scaled = sf >= 0 ? scaled * Math.pow(10, sf) : scaled / Math.pow(10, -sf);
        return scaled + a.offset();
    }

    static double raw(DataType type, long bits) {
        return switch (type) {
            case BOOL -> bits == 0 ? 0 : 1;
            case INT16 -> (short) bits;
            case UINT16 -> bits & 0xFFFF;
            case INT32 -> (int) bits;
            case UINT32 -> bits & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case FLOAT64 -> Double.longBitsToDouble(bits);
        };
    }

    /**
     * The sentinel this raw value is, or null. int32 -1 (0xFFFFFFFF) is a legitimate reading
     * (a small negative power, say), so for int32 only the extremes count as sentinels.
     */
    static String sentinel(DataType type, long bits) {
        return switch (type) {
            case INT16 -> bits == 0x8000 ? "0x8000 (int16)" : null;
            case UINT16, BOOL -> bits == 0xFFFF ? "0xFFFF (" + type.name().toLowerCase() + ")" : null;
            case INT32 -> bits == 0x8000_0000L || bits == 0x7FFF_FFFFL ? hex(bits, type) + " (int32)" : null;
            case UINT32 -> bits == 0xFFFF_FFFFL || bits == 0x8000_0000L || bits == 0x7FFF_FFFFL
                    ? hex(bits, type) + " (uint32)" : null;
            case FLOAT32, FLOAT64 -> null; // NaN and infinities are caught as non-finite
        };
    }

    private static String hex(long bits, DataType type) {
        return String.format("0x%0" + (type.registers() * 4) + "X", bits);
    }

    /**
     * The wire registers for an engineering value.
     *
     * @throws IllegalArgumentException with a readable reason when the value cannot be written
     */
    public static int[] encode(PointDef def, double value, int scaleExponent) {
        ModbusAddress a = def.modbus();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value " + value + " is not a finite number");
        }
        if (a.bit() >= 0) {
            throw new IllegalArgumentException("point " + def.name() + " is one bit of a register: writing it would "
                    + "need a read-modify-write that races the device");
        }
        if (a.scale() == 0) {
            throw new IllegalArgumentException("point " + def.name() + " has scale 0");
        }
        double raw = (value - a.offset()) / a.scale();
        raw = scaleExponent >= 0 ? raw / Math.pow(10, scaleExponent) : raw * Math.pow(10, -scaleExponent);
        long bits = switch (a.type()) {
            case BOOL -> {
                if (raw != 0 && raw != 1) {
                    throw new IllegalArgumentException("bool point " + def.name() + " takes 0 or 1, got " + value);
                }
                yield (long) raw;
            }
            case INT16 -> integer(def, raw, Short.MIN_VALUE, Short.MAX_VALUE) & 0xFFFF;
            case UINT16 -> integer(def, raw, 0, 0xFFFF);
            case INT32 -> integer(def, raw, Integer.MIN_VALUE, Integer.MAX_VALUE) & 0xFFFF_FFFFL;
            case UINT32 -> integer(def, raw, 0, 0xFFFF_FFFFL);
            case FLOAT32 -> {
                float f = (float) raw;
                if (!Float.isFinite(f)) {
                    throw new IllegalArgumentException("value " + value + " overflows float32");
                }
                yield Float.floatToIntBits(f) & 0xFFFF_FFFFL;
            }
            case FLOAT64 -> Double.doubleToLongBits(raw);
        };
        String sentinel = sentinel(a.type(), bits);
        if (sentinel != null) {
            throw new IllegalArgumentException("value " + value + " encodes to the not-implemented sentinel " + sentinel);
        }
        return WordOrders.toWire(bits, a.type().registers(), a.order());
    }

    private static long integer(PointDef def, double raw, long min, long max) {
        long rounded = Math.round(raw);
        if (raw < min - 0.5 || raw > max + 0.5 || rounded < min || rounded > max) {
            throw new IllegalArgumentException("value for " + def.name() + " is " + raw + " raw, outside "
                    + def.modbus().type().name().toLowerCase() + " range [" + min + ", " + max + "]");
        }
        return rounded;
    }

    /** Registers as {@code 0x1234 0xABCD}, for the probe table and write reasons. */
    public static String hex(int[] words, int offset, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%04X", words[offset + i] & 0xFFFF));
        }
        return sb.toString();
    }
}
