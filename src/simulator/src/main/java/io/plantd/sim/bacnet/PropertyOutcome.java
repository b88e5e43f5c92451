package io.plantd.sim.bacnet;

import io.plantd.drivers.bacnet.codec.BacnetValue;
import java.util.List;

/** A simulated property access: the value(s), or the BACnet error class and code. */
public record PropertyOutcome(List<BacnetValue> values, int errorClass, int errorCode) {
    public PropertyOutcome {
        values = List.copyOf(values);
    }

    public static PropertyOutcome of(List<BacnetValue> values) {
        return new PropertyOutcome(values, -1, -1);
    }

    public static PropertyOutcome of(BacnetValue value) {
        return of(List.of(value));
    }

    public static PropertyOutcome error(int errorClass, int errorCode) {
        return new PropertyOutcome(List.of(), errorClass, errorCode);
    }

    public boolean isError() {
        return errorClass >= 0;
    }
}
