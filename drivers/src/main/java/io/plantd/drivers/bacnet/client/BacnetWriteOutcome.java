package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.api.WriteResult;

/**
 * A write's outcome with the case plantd must not retry kept apart: another system (an
 * operator at priority 8, a life-safety override) holds a higher priority than plantd's, so
 * plantd defers to it and logs it (DOMAIN-NOTES, failure responses).
 */
public record BacnetWriteOutcome(Status status, WriteResult result, int holdingPriority) {
    public enum Status {
        /** The read-back matched the value written. */
        VERIFIED,
        /** A higher priority than plantd's holds the value: a clear result, not a fault to retry. */
        DEFERRED_TO_HIGHER_PRIORITY,
        /** Not written (bad input, breaker open) or the device refused or did not answer. */
        FAILED
    }

    public static BacnetWriteOutcome verified(WriteResult result) {
        return new BacnetWriteOutcome(Status.VERIFIED, result, -1);
    }

    public static BacnetWriteOutcome deferred(WriteResult result, int holdingPriority) {
        return new BacnetWriteOutcome(Status.DEFERRED_TO_HIGHER_PRIORITY, result, holdingPriority);
    }

    public static BacnetWriteOutcome failed(WriteResult result) {
        return new BacnetWriteOutcome(Status.FAILED, result, -1);
    }
}
