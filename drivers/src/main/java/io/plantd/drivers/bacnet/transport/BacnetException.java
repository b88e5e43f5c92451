package io.plantd.drivers.bacnet.transport;

/**
 * A confirmed request that did not succeed. {@link #reason()} is the text a BAD point carries,
 * e.g. "bacnet error property/unknown-property", "reject unrecognized-service",
 * "abort segmentation-not-supported" or "timeout after 3 attempts of 500 ms".
 */
public class BacnetException extends Exception {
    public BacnetException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }

    /** The device answered (with an error, reject or abort): it is alive. */
    public boolean deviceResponded() {
        return false;
    }
}
