package io.plantd.drivers.bacnet.codec;

import java.util.List;

/** ReadProperty-Request and ReadProperty-ACK (clause 15.5). */
public final class ReadProperty {
    private ReadProperty() {
    }

    /** The decoded ACK: which property it answers and its value(s). */
    public record Ack(PropertyReference reference, List<BacnetValue> values) {
        public Ack {
            values = List.copyOf(values);
        }
    }

    public static byte[] encodeRequest(PropertyReference ref) {
        TagWriter w = new TagWriter();
        writeReference(w, ref);
        return w.toByteArray();
    }

    public static PropertyReference decodeRequest(byte[] request) {
        TagReader r = new TagReader(request);
        PropertyReference ref = readReference(r);
        requireEnd(r, "ReadProperty-Request");
        return ref;
    }

    public static byte[] encodeAck(PropertyReference ref, List<BacnetValue> values) {
        TagWriter w = new TagWriter();
        writeReference(w, ref);
        w.opening(3);
        values.forEach(w::value);
        w.closing(3);
        return w.toByteArray();
    }

    public static Ack decodeAck(byte[] ack) {
        TagReader r = new TagReader(ack);
        PropertyReference ref = readReference(r);
        r.expectOpening(3);
        List<BacnetValue> values = r.readValuesUntilClosing(3);
        requireEnd(r, "ReadProperty-ACK");
        return new Ack(ref, values);
    }

    static void writeReference(TagWriter w, PropertyReference ref) {
        w.contextObjectId(0, ref.object()).contextEnumerated(1, ref.property());
        if (ref.hasIndex()) {
            w.contextUnsigned(2, ref.arrayIndex());
        }
    }

    static PropertyReference readReference(TagReader r) {
        ObjectIdentifier object = r.readContextObjectId(0);
        long property = r.readContextEnumerated(1);
        long index = PropertyReference.NO_INDEX;
        if (r.nextIsContext(2)) {
            index = r.readContextUnsigned(2);
        }
        return reference(object, property, index);
    }

    /** A reference from decoded numbers, refusing ones outside the standard's ranges. */
    static PropertyReference reference(ObjectIdentifier object, long property, long index) {
        if (property > 0x3FFFFF) {
            throw new BacnetCodecException("property identifier " + property + " above 4194303");
        }
        if (index > Integer.MAX_VALUE) {
            throw new BacnetCodecException("array index " + index + " out of range");
        }
        return new PropertyReference(object, (int) property, (int) index);
    }

    static void requireEnd(TagReader r, String what) {
        if (r.hasMore()) {
            throw new BacnetCodecException(what + " has " + r.remaining() + " unexpected trailing octets");
        }
    }
}
