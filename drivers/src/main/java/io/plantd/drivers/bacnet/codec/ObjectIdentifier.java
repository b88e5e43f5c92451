package io.plantd.drivers.bacnet.codec;

/** BACnetObjectIdentifier: a 10-bit object type and a 22-bit instance (clause 20.2.14). */
public record ObjectIdentifier(int type, int instance) {
    public static final int MAX_INSTANCE = 0x3FFFFF;
    /** Instance 4194303 is the wildcard "any device" instance. */
    public static final int WILDCARD_INSTANCE = MAX_INSTANCE;

    public ObjectIdentifier {
        if (type < 0 || type > 1023) {
            throw new IllegalArgumentException("object type " + type + " outside 0..1023");
        }
        if (instance < 0 || instance > MAX_INSTANCE) {
            throw new IllegalArgumentException("object instance " + instance + " outside 0..4194303");
        }
    }

    public static ObjectIdentifier fromWire(long encoded) {
        return new ObjectIdentifier((int) ((encoded >>> 22) & 0x3FF), (int) (encoded & MAX_INSTANCE));
    }

    public long toWire() {
        return ((long) type << 22) | instance;
    }

    @Override
    public String toString() {
        return ObjectTypes.name(type) + "," + instance;
    }
}
