package io.plantd.drivers.bacnet.codec;

/** One property of one object; {@code arrayIndex} is -1 for the whole property. */
public record PropertyReference(ObjectIdentifier object, int property, int arrayIndex) {
    public static final int NO_INDEX = -1;

    public PropertyReference {
        if (property < 0 || property > 0x3FFFFF) {
            throw new IllegalArgumentException("property identifier " + property + " outside 0..4194303");
        }
        if (arrayIndex < NO_INDEX) {
            throw new IllegalArgumentException("array index " + arrayIndex + " below -1");
        }
    }

    public static PropertyReference of(ObjectIdentifier object, int property) {
        return new PropertyReference(object, property, NO_INDEX);
    }

    public boolean hasIndex() {
        return arrayIndex != NO_INDEX;
    }

    @Override
    public String toString() {
        return object + " " + PropertyIds.name(property) + (hasIndex() ? "[" + arrayIndex + "]" : "");
    }
}
