package io.plantd.drivers.poll;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.PointValue;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one device into the point store, behind a circuit breaker. Not thread-safe by design:
 * every call happens on the device's bus thread, which is what keeps requests on one bus serial.
 */
public final class Poller {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final DeviceSource source;
    private final PointStore store;
    private final Clock clock;
    private final PollListener listener;
    private final CircuitBreaker breaker;
    private final DeviceStats stats;
    private final Map<String, String> units;
    private String lastFailure = "";
    private boolean up;

    public Poller(DeviceSource source, BreakerSettings breakerSettings, PointStore store, Clock clock,
                  PollListener listener) {
        this.source = source;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.stats = new DeviceStats(source.id());
        this.units = source.units();
        this.breaker = CircuitBreaker.of("device:" + source.id(), breakerConfig(breakerSettings, clock));
        source.maxAges().forEach((point, maxAge) -> store.declare(PointId.of(source.id(), point), maxAge));
    }

    private static CircuitBreakerConfig breakerConfig(BreakerSettings s, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.windowSize())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRatePercent())
                .waitDurationInOpenState(s.openWait())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenProbes())
                // half-open is entered by the next poll after the wait, not by a timer thread
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(DeviceException.class)
                .clock(clock)
                .build();
    }

    public String device() {
        return source.id();
    }

    /** One poll: ask the device unless the breaker is open, and store every point's value. */
    public void pollOnce() {
        long timestamp = clock.millis();
        if (!breaker.tryAcquirePermission()) {
            String reason = "circuit open: " + lastFailure;
            markAllBad(reason, timestamp);
            stats.failed(FailureKind.CIRCUIT_OPEN, reason, 0);
            listener.failed(source.id(), FailureKind.CIRCUIT_OPEN, reason, 0);
            return;
        }
        long started = System.nanoTime();
        try {
            Map<String, PointValue> values = source.poll(timestamp);
            long latency = System.nanoTime() - started;
            breaker.onSuccess(latency, TimeUnit.NANOSECONDS);
            for (String point : units.keySet()) {
                PointValue v = values.get(point);
                store.put(PointId.of(source.id(), point),
                        v != null ? v : PointValue.bad(units.get(point), "not returned by the device driver", timestamp));
            }
            stats.succeeded(latency);
            listener.polled(source.id(), latency);
            if (!up) {
                up = true;
                log.info("device {} is up ({})", source.id(), source.endpoint());
                listener.availabilityChanged(source.id(), true, "poll succeeded");
            }
        } catch (DeviceException e) {
            deviceFailed(e.kind(), e.reason(), e, timestamp, started);
        } catch (RuntimeException e) {
            // a driver bug must not kill this device's schedule, nor be mistaken for data
            deviceFailed(FailureKind.PROTOCOL, "driver error: " + e, e, timestamp, started);
        }
    }

    private void deviceFailed(FailureKind kind, String reason, Exception e, long timestamp, long started) {
        long latency = System.nanoTime() - started;
        breaker.onError(latency, TimeUnit.NANOSECONDS,
                e instanceof DeviceException ? e : new DeviceException(kind, reason, e));
        lastFailure = reason;
        markAllBad("device unreachable: " + reason, timestamp);
        stats.failed(kind, reason, latency);
        listener.failed(source.id(), kind, reason, latency);
        if (up) {
            up = false;
            log.warn("device {} is down: {}", source.id(), reason);
            listener.availabilityChanged(source.id(), false, reason);
        }
    }

    private void markAllBad(String reason, long timestamp) {
        units.forEach((point, unit) -> store.put(PointId.of(source.id(), point), PointValue.bad(unit, reason, timestamp)));
    }

    /** A verified write, refused without touching the wire while the breaker is open. */
    public WriteResult write(String point, double value) {
        PointId id = PointId.of(source.id(), point);
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            return WriteResult.failed(id, value, "device unreachable (circuit open): " + lastFailure);
        }
        try {
            return source.write(point, value);
        } catch (RuntimeException e) {
            return WriteResult.failed(id, value, "driver error: " + e);
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public DeviceStats.Snapshot stats() {
        return stats.snapshot();
    }

    void close() {
        source.close();
    }
}
