package io.plantd.drivers.bacnet.client;

import java.time.Duration;

/**
 * Per-device transaction settings. A 1 Hz control loop needs a bounded worst case:
 * timeout × (retries + 1) should stay well under the poll period.
 */
public record RequestOptions(Duration timeout, int retries) {
    public static final RequestOptions DEFAULT = new RequestOptions(Duration.ofMillis(500), 1);

    public RequestOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries " + retries + " outside 0..10");
        }
    }
}
