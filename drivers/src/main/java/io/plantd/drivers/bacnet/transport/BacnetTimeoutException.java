package io.plantd.drivers.bacnet.transport;

/** No reply after every attempt: the device is unreachable or silent. */
public final class BacnetTimeoutException extends BacnetException {
    public BacnetTimeoutException(int attempts, long timeoutMillis) {
        super("timeout after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " of " + timeoutMillis + " ms");
    }
}
