package io.plantd.drivers.bacnet.codec;

import java.util.List;

/** WriteProperty-Request (clause 15.9); its positive reply is a Simple-ACK. */
public record WriteProperty(PropertyReference reference, List<BacnetValue> values, int priority) {
    public static final int NO_PRIORITY = -1;

    public WriteProperty {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("WriteProperty needs a value");
        }
        if (priority != NO_PRIORITY && (priority < 1 || priority > 16)) {
            throw new IllegalArgumentException("write priority " + priority + " outside 1..16");
        }
    }

    public byte[] encode() {
        TagWriter w = new TagWriter();
        ReadProperty.writeReference(w, reference);
        w.opening(3);
        values.forEach(w::value);
        w.closing(3);
        if (priority != NO_PRIORITY) {
            w.contextUnsigned(4, priority);
        }
        return w.toByteArray();
    }

    public static WriteProperty decode(byte[] request) {
        TagReader r = new TagReader(request);
        PropertyReference ref = ReadProperty.readReference(r);
        r.expectOpening(3);
        List<BacnetValue> values = r.readValuesUntilClosing(3);
        if (values.isEmpty()) {
            throw new BacnetCodecException("WriteProperty-Request with an empty property value");
        }
        int priority = NO_PRIORITY;
        if (r.nextIsContext(4)) {
            long p = r.readContextUnsigned(4);
            if (p < 1 || p > 16) {
                throw new BacnetCodecException("WriteProperty priority " + p + " outside 1..16");
            }
            priority = (int) p;
        }
        ReadProperty.requireEnd(r, "WriteProperty-Request");
        return new WriteProperty(ref, values, priority);
    }
}
