package io.plantd.drivers.poll;

/**
 * Told about every poll, so the controller's metrics can count them without the drivers
 * depending on a metrics library. Called on the device's bus thread: keep it quick.
 */
public interface PollListener {
    PollListener NONE = new PollListener() {
    };

    /** A poll that reached the device and returned values (some points may still be BAD). */
    default void polled(String device, long latencyNanos) {
    }

    /** A poll that failed, or was skipped because the breaker is open (kind CIRCUIT_OPEN). */
    default void failed(String device, FailureKind kind, String reason, long latencyNanos) {
    }

    /**
     * The device went up (a good poll after none or after failures) or down (a poll failed after
     * a good one). The breaker opening later is visible as CIRCUIT_OPEN failures.
     */
    default void availabilityChanged(String device, boolean up, String reason) {
    }
}
