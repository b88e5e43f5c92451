package io.plantd.drivers.bacnet.codec;

import java.util.ArrayList;
import java.util.List;

/** (Un)ConfirmedCOVNotification-Request (clause 13.6/13.7): the changed object's new values. */
public record CovNotification(long subscriberProcessId, ObjectIdentifier initiatingDevice,
                              ObjectIdentifier monitoredObject, long timeRemainingSeconds, List<PropertyResult> values) {
    public CovNotification {
        values = List.copyOf(values);
    }

    public byte[] encode() {
        TagWriter w = new TagWriter()
                .contextUnsigned(0, subscriberProcessId)
                .contextObjectId(1, initiatingDevice)
                .contextObjectId(2, monitoredObject)
                .contextUnsigned(3, timeRemainingSeconds)
                .opening(4);
        for (PropertyResult v : values) {
            w.contextEnumerated(0, v.reference().property());
            if (v.reference().hasIndex()) {
                w.contextUnsigned(1, v.reference().arrayIndex());
            }
            w.opening(2);
            v.values().forEach(w::value);
            w.closing(2);
        }
        return w.closing(4).toByteArray();
    }

    public static CovNotification decode(byte[] request) {
        TagReader r = new TagReader(request);
        long process = r.readContextUnsigned(0);
        ObjectIdentifier device = r.readContextObjectId(1);
        ObjectIdentifier object = r.readContextObjectId(2);
        long remaining = r.readContextUnsigned(3);
        r.expectOpening(4);
        List<PropertyResult> values = new ArrayList<>();
        while (!r.nextIsClosing(4)) {
            long property = r.readContextEnumerated(0);
            long index = r.nextIsContext(1) ? r.readContextUnsigned(1) : PropertyReference.NO_INDEX;
            r.expectOpening(2);
            List<BacnetValue> v = r.readValuesUntilClosing(2);
            if (r.nextIsContext(3)) {
                r.readContextUnsigned(3); // priority: only meaningful for writes
            }
            values.add(PropertyResult.ok(ReadProperty.reference(object, property, index), v));
        }
        r.expectClosing(4);
        ReadProperty.requireEnd(r, "COVNotification-Request");
        return new CovNotification(process, device, object, remaining, values);
    }

    /** The notified value of {@code property}, if the notification carries it. */
    public java.util.Optional<List<BacnetValue>> valueOf(int property) {
        return values.stream().filter(v -> v.reference().property() == property).findFirst().map(PropertyResult::values);
    }
}
