package io.plantd.drivers.bacnet.codec;

/** Who-Is-Request (clause 16.10): an optional device-instance range, both limits or neither. */
public record WhoIs(int lowLimit, int highLimit) {
    /** Who-Is for every device. */
    public static final WhoIs ALL = new WhoIs(-1, -1);

    public WhoIs {
        if ((lowLimit < 0) != (highLimit < 0)) {
            throw new IllegalArgumentException("Who-Is needs both range limits or neither");
        }
        if (lowLimit > ObjectIdentifier.MAX_INSTANCE || highLimit > ObjectIdentifier.MAX_INSTANCE) {
            throw new IllegalArgumentException("Who-Is limit above 4194303");
        }
        if (lowLimit > highLimit) {
            throw new IllegalArgumentException("Who-Is low limit " + lowLimit + " above high limit " + highLimit);
        }
    }

    public static WhoIs range(int low, int high) {
        return new WhoIs(low, high);
    }

    public boolean hasRange() {
        return lowLimit >= 0;
    }

    public boolean matches(int deviceInstance) {
        return !hasRange() || (deviceInstance >= lowLimit && deviceInstance <= highLimit);
    }

    public byte[] encode() {
        TagWriter w = new TagWriter();
        if (hasRange()) {
            w.contextUnsigned(0, lowLimit).contextUnsigned(1, highLimit);
        }
        return w.toByteArray();
    }

    public static WhoIs decode(byte[] request) {
        TagReader r = new TagReader(request);
        if (!r.hasMore()) {
            return ALL;
        }
        long low = r.readContextUnsigned(0);
        long high = r.readContextUnsigned(1);
        if (low > ObjectIdentifier.MAX_INSTANCE || high > ObjectIdentifier.MAX_INSTANCE || low > high) {
            throw new BacnetCodecException("Who-Is range " + low + ".." + high + " is invalid");
        }
        return new WhoIs((int) low, (int) high);
    }
}
