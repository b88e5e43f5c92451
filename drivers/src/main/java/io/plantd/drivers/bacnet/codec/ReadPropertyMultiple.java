package io.plantd.drivers.bacnet.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * ReadPropertyMultiple-Request and -ACK (clause 15.7). References to the same object that
 * follow each other share one ReadAccessSpecification.
 */
public final class ReadPropertyMultiple {
    private ReadPropertyMultiple() {
    }

    public static byte[] encodeRequest(List<PropertyReference> refs) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("ReadPropertyMultiple needs at least one property");
        }
        TagWriter w = new TagWriter();
        ObjectIdentifier current = null;
        for (PropertyReference ref : refs) {
            if (!ref.object().equals(current)) {
                if (current != null) {
                    w.closing(1);
                }
                current = ref.object();
                w.contextObjectId(0, current).opening(1);
            }
            w.contextEnumerated(0, ref.property());
            if (ref.hasIndex()) {
                w.contextUnsigned(1, ref.arrayIndex());
            }
        }
        w.closing(1);
        return w.toByteArray();
    }

    public static List<PropertyReference> decodeRequest(byte[] request) {
        TagReader r = new TagReader(request);
        List<PropertyReference> refs = new ArrayList<>();
        while (r.hasMore()) {
            ObjectIdentifier object = r.readContextObjectId(0);
            r.expectOpening(1);
            int before = refs.size();
            while (!r.nextIsClosing(1)) {
                long property = r.readContextEnumerated(0);
                long index = r.nextIsContext(1) ? r.readContextUnsigned(1) : PropertyReference.NO_INDEX;
                refs.add(ReadProperty.reference(object, property, index));
            }
            r.expectClosing(1);
            if (refs.size() == before) {
                throw new BacnetCodecException("ReadAccessSpecification for " + object + " lists no property");
            }
        }
        if (refs.isEmpty()) {
            throw new BacnetCodecException("ReadPropertyMultiple-Request without any ReadAccessSpecification");
        }
        return refs;
    }

    public static byte[] encodeAck(List<PropertyResult> results) {
        TagWriter w = new TagWriter();
        ObjectIdentifier current = null;
        for (PropertyResult result : results) {
            PropertyReference ref = result.reference();
            if (!ref.object().equals(current)) {
                if (current != null) {
                    w.closing(1);
                }
                current = ref.object();
                w.contextObjectId(0, current).opening(1);
            }
            w.contextEnumerated(2, ref.property());
            if (ref.hasIndex()) {
                w.contextUnsigned(3, ref.arrayIndex());
            }
            if (result.isError()) {
                w.opening(5)
                        .value(new BacnetValue.EnumeratedValue(result.errorClass()))
                        .value(new BacnetValue.EnumeratedValue(result.errorCode()))
                        .closing(5);
            } else {
                w.opening(4);
                result.values().forEach(w::value);
                w.closing(4);
            }
        }
        if (current != null) {
            w.closing(1);
        }
        return w.toByteArray();
    }

    public static List<PropertyResult> decodeAck(byte[] ack) {
        TagReader r = new TagReader(ack);
        List<PropertyResult> results = new ArrayList<>();
        while (r.hasMore()) {
            ObjectIdentifier object = r.readContextObjectId(0);
            r.expectOpening(1);
            while (!r.nextIsClosing(1)) {
                long property = r.readContextEnumerated(2);
                long index = r.nextIsContext(3) ? r.readContextUnsigned(3) : PropertyReference.NO_INDEX;
                PropertyReference ref = ReadProperty.reference(object, property, index);
                if (r.nextIsOpening(4)) {
                    r.expectOpening(4);
                    results.add(PropertyResult.ok(ref, r.readValuesUntilClosing(4)));
                } else {
                    r.expectOpening(5);
                    BacnetValue cls = r.readValue();
                    BacnetValue code = r.readValue();
                    r.expectClosing(5);
                    if (!(cls instanceof BacnetValue.EnumeratedValue c)
                            || !(code instanceof BacnetValue.EnumeratedValue e)) {
                        throw new BacnetCodecException("property access error for " + ref
                                + " without enumerated class and code");
                    }
                    results.add(PropertyResult.error(ref, (int) c.value(), (int) e.value()));
                }
            }
            r.expectClosing(1);
        }
        return results;
    }
}
