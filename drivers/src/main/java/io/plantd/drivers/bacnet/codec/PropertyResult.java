package io.plantd.drivers.bacnet.codec;

import java.util.List;

/**
 * The outcome for one property in a ReadPropertyMultiple-ACK: its values, or the property
 * access error (error class and code, -1 when the read succeeded).
 */
public record PropertyResult(PropertyReference reference, List<BacnetValue> values, int errorClass, int errorCode) {
    public PropertyResult {
        values = List.copyOf(values);
    }

    public static PropertyResult ok(PropertyReference reference, List<BacnetValue> values) {
        return new PropertyResult(reference, values, -1, -1);
    }

    public static PropertyResult error(PropertyReference reference, int errorClass, int errorCode) {
        return new PropertyResult(reference, List.of(), errorClass, errorCode);
    }

    public boolean isError() {
        return errorClass >= 0;
    }

    public String describeError() {
        return Reasons.errorClass(errorClass) + "/" + Reasons.errorCode(errorCode);
    }
}
