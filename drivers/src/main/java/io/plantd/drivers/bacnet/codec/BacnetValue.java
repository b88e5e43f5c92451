package io.plantd.drivers.bacnet.codec;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * An application-tagged primitive value (clause 20.2). Types plantd has no use for (octet
 * string, date, time) are kept as {@link Opaque} so a reply containing them still decodes.
 */
public sealed interface BacnetValue {

    /** The value as a number for a {@code PointValue}, or empty when it has no numeric meaning. */
    OptionalDouble asDouble();

    record Null() implements BacnetValue {
        public static final Null INSTANCE = new Null();

        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.empty();
        }

        @Override
        public String toString() {
            return "NULL";
        }
    }

    record BooleanValue(boolean value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.of(value ? 1 : 0);
        }
    }

    /** Unsigned Integer, 0..2^32-1 on the wire for plantd's purposes (clause 20.2.4). */
    record UnsignedValue(long value) implements BacnetValue {
        public UnsignedValue {
            if (value < 0) {
                throw new IllegalArgumentException("unsigned value " + value + " is negative");
            }
        }

        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.of(value);
        }
    }

    record SignedValue(long value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.of(value);
        }
    }

    record RealValue(float value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return Float.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
        }
    }

    record DoubleValue(double value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
        }
    }

    record EnumeratedValue(long value) implements BacnetValue {
        public EnumeratedValue {
            if (value < 0) {
                throw new IllegalArgumentException("enumerated value " + value + " is negative");
            }
        }

        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.of(value);
        }
    }

    /** Character string in character set 0 (ISO 10646 UTF-8, a superset of ANSI X3.4). */
    record CharacterStringValue(String value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.empty();
        }
    }

    /** Bits in wire order: {@code bits[0]} is the most significant bit of the first octet. */
    record BitStringValue(boolean[] bits) implements BacnetValue {
        public BitStringValue {
            bits = bits.clone();
        }

        @Override
        public boolean[] bits() {
            return bits.clone();
        }

        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BitStringValue other && Arrays.equals(bits, other.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("B'");
            for (boolean b : bits) {
                sb.append(b ? '1' : '0');
            }
            return sb.append('\'').toString();
        }
    }

    record ObjectIdentifierValue(ObjectIdentifier value) implements BacnetValue {
        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.empty();
        }
    }

    /** An application-tagged value plantd does not interpret (octet string, date, time). */
    record Opaque(int applicationTag, byte[] content) implements BacnetValue {
        public Opaque {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public OptionalDouble asDouble() {
            return OptionalDouble.empty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && applicationTag == other.applicationTag
                    && Arrays.equals(content, other.content);
        }

        @Override
        public int hashCode() {
            return 31 * applicationTag + Arrays.hashCode(content);
        }
    }
}
