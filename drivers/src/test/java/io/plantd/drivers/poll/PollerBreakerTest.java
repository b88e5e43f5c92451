package io.plantd.drivers.poll;

import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.profile;
import static io.plantd.drivers.modbus.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.plantd.drivers.modbus.HostileSlave;
import io.plantd.drivers.modbus.HostileSlave.Behaviour;
import io.plantd.drivers.modbus.ModbusDevice;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import io.plantd.drivers.profile.DataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-device breaker, driven poll by poll with an injected clock against a real socket. */
class PollerBreakerTest {
    private HostileSlave hostile;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final PointStore store = new PointStore();
    private final List<String> events = new ArrayList<>();
    private Poller poller;

    @BeforeEach
    void start() throws Exception {
        hostile = new HostileSlave();
        ModbusDevice device = new ModbusDevice("meter", profile("m",
                List.of(holding("kw", 4, DataType.UINT16), writable(holding("sp", 5, DataType.UINT16)))),
                hostile.settings(200, 0));
        poller = new Poller(device, BreakerSettings.DEFAULT, store, clock, new PollListener() {
            @Override
            public void failed(String dev, FailureKind kind, String reason, long latencyNanos) {
                events.add("failed " + kind);
            }

            @Override
            public void availabilityChanged(String dev, boolean up, String reason) {
                events.add(up ? "up" : "down: " + reason);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        poller.close();
        hostile.close();
    }

    private PointValue kw() {
        return store.latest(PointId.of("meter", "kw"));
    }

    @Test
    void pointsAreMissingUntilFirstPollThenStampedWithTheInjectedClock() {
        assertThat(kw().quality()).isEqualTo(Quality.MISSING);
        poller.pollOnce();
        assertThat(kw().value()).isEqualTo(4.0);
        assertThat(kw().timestampMillis()).isEqualTo(clock.millis());
        assertThat(events).containsExactly("up");
    }

    @Test
    void opensAfterFailuresBacksOffAndRecoversThroughHalfOpenProbes() {
        poller.pollOnce();
        hostile.behave(Behaviour.CLOSE);
        int polls = 0;
        while (poller.breakerState() == CircuitBreaker.State.CLOSED) {
            poller.pollOnce();
            clock.advance(Duration.ofSeconds(1));
            polls++;
            assertThat(kw().quality()).isEqualTo(Quality.BAD);
            assertThat(kw().reason()).startsWith("device unreachable: answer to holding 4..5 cut short");
        }
        assertThat(polls).as("1 success + 4 failures reach the 50% threshold over 5 calls").isEqualTo(4);
        assertThat(events).contains("up", "down: answer to holding 4..5 cut short (connection closed or truncated frame)");

        // open: no request reaches the device, points stay BAD with the reason
        int requests = hostile.requests();
        for (int i = 0; i < 14; i++) {
            poller.pollOnce();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(hostile.requests()).isEqualTo(requests);
        assertThat(kw().reason()).startsWith("circuit open: answer to holding 4..5 cut short");
        assertThat(kw().timestampMillis()).isEqualTo(clock.millis() - 1000);
        assertThat(poller.stats().failuresByKind()).containsEntry(FailureKind.CIRCUIT_OPEN, 14L);
        assertThat(poller.write("sp", 3).reason()).startsWith("device unreachable (circuit open)");

        // after the 15 s wait, probes go through; the device is back, so the breaker closes
        hostile.behave(Behaviour.NORMAL);
        clock.advance(Duration.ofSeconds(1));
        poller.pollOnce();
        assertThat(poller.breakerState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(kw().isGood()).isTrue();
        poller.pollOnce();
        assertThat(poller.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(hostile.requests()).isEqualTo(requests + 2);
        assertThat(events.get(events.size() - 1)).isEqualTo("up");
        assertThat(poller.stats().up()).isTrue();
    }

    @Test
    void failedProbeReopensTheBreaker() {
        hostile.behave(Behaviour.CLOSE);
        for (int i = 0; i < 5; i++) {
            poller.pollOnce();
        }
        assertThat(poller.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(16));
        poller.pollOnce();
        poller.pollOnce();
        assertThat(poller.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
