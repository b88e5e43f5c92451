package io.plantd.drivers.bacnet.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends clause-20 encoded tags and values to a growing byte buffer. */
public final class TagWriter {
    private byte[] buf = new byte[64];
    private int size;

    public TagWriter octet(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public TagWriter octets(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public TagWriter u16(int v) {
        return octet(v >>> 8).octet(v);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    // ---- tag headers (clause 20.2.1) ----

    private TagWriter header(int tagNumber, boolean context, long lvt) {
        int first = (context ? 0x08 : 0);
        boolean extendedNumber = tagNumber > 14;
        first |= (extendedNumber ? 0xF : tagNumber) << 4;
        if (lvt <= 4) {
            octet(first | (int) lvt);
            if (extendedNumber) {
                octet(tagNumber);
            }
            return this;
        }
        octet(first | 5);
        if (extendedNumber) {
            octet(tagNumber);
        }
        if (lvt <= 253) {
            octet((int) lvt);
        } else if (lvt <= 0xFFFF) {
            octet(254).u16((int) lvt);
        } else {
            octet(255).u16((int) (lvt >>> 16)).u16((int) lvt);
        }
        return this;
    }

    public TagWriter opening(int contextNumber) {
        return openClose(contextNumber, 6);
    }

    public TagWriter closing(int contextNumber) {
        return openClose(contextNumber, 7);
    }

    private TagWriter openClose(int tagNumber, int lvt) {
        if (tagNumber > 14) {
            return octet(0xF8 | lvt).octet(tagNumber);
        }
        return octet((tagNumber << 4) | 0x08 | lvt);
    }

    // ---- application-tagged values ----

    public TagWriter value(BacnetValue v) {
        if (v instanceof BacnetValue.Null) {
            return header(ApplicationTag.NULL, false, 0);
        } else if (v instanceof BacnetValue.BooleanValue b) {
            return header(ApplicationTag.BOOLEAN, false, b.value() ? 1 : 0);
        } else if (v instanceof BacnetValue.UnsignedValue u) {
            return primitive(ApplicationTag.UNSIGNED, false, unsignedBytes(u.value()));
        } else if (v instanceof BacnetValue.SignedValue s) {
            return primitive(ApplicationTag.SIGNED, false, signedBytes(s.value()));
        } else if (v instanceof BacnetValue.RealValue r) {
            return primitive(ApplicationTag.REAL, false, realBytes(r.value()));
        } else if (v instanceof BacnetValue.DoubleValue d) {
            return primitive(ApplicationTag.DOUBLE, false, doubleBytes(d.value()));
        } else if (v instanceof BacnetValue.EnumeratedValue e) {
            return primitive(ApplicationTag.ENUMERATED, false, unsignedBytes(e.value()));
        } else if (v instanceof BacnetValue.CharacterStringValue c) {
            return primitive(ApplicationTag.CHARACTER_STRING, false, characterStringBytes(c.value()));
        } else if (v instanceof BacnetValue.BitStringValue b) {
            return primitive(ApplicationTag.BIT_STRING, false, bitStringBytes(b.bits()));
        } else if (v instanceof BacnetValue.ObjectIdentifierValue o) {
            return primitive(ApplicationTag.OBJECT_IDENTIFIER, false, objectIdBytes(o.value()));
        } else if (v instanceof BacnetValue.Opaque o) {
            if (o.applicationTag() < 0 || o.applicationTag() > 14) {
                throw new IllegalArgumentException("a skipped constructed value cannot be re-encoded");
            }
            return primitive(o.applicationTag(), false, o.content());
        }
        throw new IllegalArgumentException("unknown value " + v);
    }

    // ---- context-tagged values ----

    public TagWriter contextUnsigned(int tag, long value) {
        return primitive(tag, true, unsignedBytes(value));
    }

    public TagWriter contextEnumerated(int tag, long value) {
        return contextUnsigned(tag, value);
    }

    public TagWriter contextSigned(int tag, long value) {
        return primitive(tag, true, signedBytes(value));
    }

    public TagWriter contextReal(int tag, float value) {
        return primitive(tag, true, realBytes(value));
    }

    public TagWriter contextBoolean(int tag, boolean value) {
        // Context BOOLEAN carries one content octet, unlike application BOOLEAN (clause 20.2.3).
        return primitive(tag, true, new byte[] {(byte) (value ? 1 : 0)});
    }

    public TagWriter contextObjectId(int tag, ObjectIdentifier id) {
        return primitive(tag, true, objectIdBytes(id));
    }

    private TagWriter primitive(int tag, boolean context, byte[] content) {
        header(tag, context, content.length);
        return octets(content);
    }

    // ---- contents ----

    static byte[] unsignedBytes(long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("unsigned " + value + " outside 0..4294967295");
        }
        int n = value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : value <= 0xFFFFFF ? 3 : 4;
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    static byte[] signedBytes(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("signed " + value + " outside 32-bit range");
        }
        int n = (value >= -128 && value <= 127) ? 1
                : (value >= -32768 && value <= 32767) ? 2
                : (value >= -8388608 && value <= 8388607) ? 3 : 4;
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>= 8;
        }
        return out;
    }

    static byte[] realBytes(float value) {
        int bits = Float.floatToIntBits(value);
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    static byte[] doubleBytes(double value) {
        long bits = Double.doubleToLongBits(value);
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) bits;
            bits >>>= 8;
        }
        return out;
    }

    static byte[] characterStringBytes(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        out[0] = 0; // character set 0: ISO 10646 (UTF-8)
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }

    static byte[] bitStringBytes(boolean[] bits) {
        int octets = (bits.length + 7) / 8;
        byte[] out = new byte[octets + 1];
        out[0] = (byte) (octets * 8 - bits.length); // unused bits in the final octet
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[1 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }

    static byte[] objectIdBytes(ObjectIdentifier id) {
        long v = id.toWire();
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
