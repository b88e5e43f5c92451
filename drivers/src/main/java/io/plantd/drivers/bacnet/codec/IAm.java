package io.plantd.drivers.bacnet.codec;

/** I-Am-Request (clause 16.10.3): all four parameters are application tagged. */
public record IAm(ObjectIdentifier device, long maxApduLengthAccepted, int segmentationSupported, long vendorId) {
    public static final int SEGMENTED_BOTH = 0;
    public static final int SEGMENTED_TRANSMIT = 1;
    public static final int SEGMENTED_RECEIVE = 2;
    public static final int NO_SEGMENTATION = 3;

    public byte[] encode() {
        return new TagWriter()
                .value(new BacnetValue.ObjectIdentifierValue(device))
                .value(new BacnetValue.UnsignedValue(maxApduLengthAccepted))
                .value(new BacnetValue.EnumeratedValue(segmentationSupported))
                .value(new BacnetValue.UnsignedValue(vendorId))
                .toByteArray();
    }

    public static IAm decode(byte[] request) {
        TagReader r = new TagReader(request);
        if (!(r.readValue() instanceof BacnetValue.ObjectIdentifierValue id)
                || id.value().type() != ObjectTypes.DEVICE) {
            throw new BacnetCodecException("I-Am without a device object identifier");
        }
        if (!(r.readValue() instanceof BacnetValue.UnsignedValue max) || max.value() < 50) {
            throw new BacnetCodecException("I-Am without a valid max-APDU-length-accepted");
        }
        if (!(r.readValue() instanceof BacnetValue.EnumeratedValue seg)) {
            throw new BacnetCodecException("I-Am without segmentation-supported");
        }
        if (!(r.readValue() instanceof BacnetValue.UnsignedValue vendor)) {
            throw new BacnetCodecException("I-Am without vendor-id");
        }
        return new IAm(id.value(), max.value(), (int) seg.value(), vendor.value());
    }
}
