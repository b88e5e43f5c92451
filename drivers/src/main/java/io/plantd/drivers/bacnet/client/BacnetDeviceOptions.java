package io.plantd.drivers.bacnet.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.plantd.drivers.bacnet.codec.MaxApdu;
import java.time.Duration;

/**
 * How plantd talks to one BACnet device. {@code maxApduLength} is the device's
 * Max_APDU_Length_Accepted (from its I-Am); ReadPropertyMultiple requests are sized so that
 * neither the request nor the expected reply exceeds it. The circuit breaker is sized for a
 * 1 Hz loop: the last 10 polls, opening at 50 % failures after at least 5, open for 15 s.
 */
public record BacnetDeviceOptions(RequestOptions requests, int maxApduLength, boolean useReadPropertyMultiple,
                                  CircuitBreakerConfig breaker) {
    public static final BacnetDeviceOptions DEFAULT = new BacnetDeviceOptions(RequestOptions.DEFAULT,
            MaxApdu.BACNET_IP, true, defaultBreaker(Duration.ofSeconds(15)));

    public BacnetDeviceOptions {
        if (maxApduLength < 50) {
            throw new IllegalArgumentException("max APDU " + maxApduLength + " below BACnet's minimum of 50");
        }
        maxApduLength = Math.min(maxApduLength, MaxApdu.BACNET_IP);
    }

    public static CircuitBreakerConfig defaultBreaker(Duration openWait) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50f)
                .waitDurationInOpenState(openWait)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
    }

    public BacnetDeviceOptions withMaxApduLength(int length) {
        return new BacnetDeviceOptions(requests, length, useReadPropertyMultiple, breaker);
    }

    public BacnetDeviceOptions withRequests(RequestOptions options) {
        return new BacnetDeviceOptions(options, maxApduLength, useReadPropertyMultiple, breaker);
    }

    public BacnetDeviceOptions withBreaker(CircuitBreakerConfig config) {
        return new BacnetDeviceOptions(requests, maxApduLength, useReadPropertyMultiple, config);
    }
}
