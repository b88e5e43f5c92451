package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Between plantd's engineering doubles and BACnet datatypes. Present_Value's datatype follows
 * from the object type (clause 12): REAL for analog objects, ENUMERATED inactive(0)/active(1)
 * for binary ones, Unsigned state numbers (1-based) for multi-state ones. Values are passed
 * through unchanged: a multi-state state 1 reads as 1.0, never shifted.
 */
final class ValueMapping {
    private ValueMapping() {
    }

    /** The number a point gets from a property's value(s), or why there is none. */
    static Either toDouble(List<BacnetValue> values) {
        if (values.size() != 1) {
            return Either.bad("property returned " + values.size() + " values, expected 1");
        }
        BacnetValue v = values.get(0);
        if (v instanceof BacnetValue.Null) {
            return Either.bad("property is NULL");
        }
        OptionalDouble d = v.asDouble();
        if (d.isEmpty()) {
            return Either.bad("non-numeric value " + v);
        }
        return Either.ok(d.getAsDouble());
    }

    /** The value to write for {@code value}, or an explanation why it cannot be encoded. */
    static BacnetValue forWrite(PropertyReference ref, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("cannot write " + value);
        }
        if (ref.property() != PropertyIds.PRESENT_VALUE && ref.property() != PropertyIds.RELINQUISH_DEFAULT) {
            return new BacnetValue.RealValue((float) value);
        }
        int type = ref.object().type();
        switch (type) {
            case ObjectTypes.BINARY_INPUT, ObjectTypes.BINARY_OUTPUT, ObjectTypes.BINARY_VALUE -> {
                if (value != 0 && value != 1) {
                    throw new IllegalArgumentException("binary present-value must be 0 or 1, got " + value);
                }
                return new BacnetValue.EnumeratedValue((long) value);
            }
            case ObjectTypes.MULTI_STATE_INPUT, ObjectTypes.MULTI_STATE_OUTPUT, ObjectTypes.MULTI_STATE_VALUE -> {
                if (value < 1 || value != Math.rint(value) || value > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("multi-state present-value must be a state number >= 1, got "
                            + value);
                }
                return new BacnetValue.UnsignedValue((long) value);
            }
            case 45 -> { // integer-value
                return new BacnetValue.SignedValue(checkedInteger(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            case 48 -> { // positive-integer-value
                return new BacnetValue.UnsignedValue(checkedInteger(value, 0, 0xFFFFFFFFL));
            }
            case 46 -> { // large-analog-value
                return new BacnetValue.DoubleValue(value);
            }
            default -> {
                return new BacnetValue.RealValue((float) value);
            }
        }
    }

    /** Whether a read-back equals what was written, at the precision of the written datatype. */
    static boolean sameAsWritten(BacnetValue written, double readBack) {
        OptionalDouble w = written.asDouble();
        if (w.isEmpty()) {
            return false;
        }
        if (written instanceof BacnetValue.RealValue) {
            return (float) readBack == (float) w.getAsDouble();
        }
        return readBack == w.getAsDouble();
    }

    private static long checkedInteger(double value, long min, long max) {
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("value " + value + " is not an integer in " + min + ".." + max);
        }
        return (long) value;
    }

    record Either(double value, String problem) {
        static Either ok(double v) {
            return new Either(v, null);
        }

        static Either bad(String why) {
            return new Either(Double.NaN, why);
        }

        boolean isOk() {
            return problem == null;
        }
    }
}
