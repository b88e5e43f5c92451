package io.plantd.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Poll health per configured device: up, poll duration, errors by reason. Called from the pollers'
 * threads; unknown device ids are ignored so label values stay those of the config.
 */
public final class DeviceMetrics {
    /** Poll durations: loopback polls take milliseconds, a device at its 500 ms timeout lands high. */
    static final Duration[] POLL_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500)
    };

    private final Map<String, Device> devices;

    public DeviceMetrics(MeterRegistry registry, List<DeviceConfig> configs) {
        this.devices = new LinkedHashMap<>();
        for (DeviceConfig config : configs) {
            devices.put(config.id(), new Device(registry, config));
        }
    }

    /**
     * One finished poll of a device.
     *
     * @param reason why it failed; ignored when {@code ok}
     */
    public void recordPoll(String deviceId, long durationNanos, boolean ok, PollErrorReason reason) {
        Device device = devices.get(deviceId);
        if (device == null) {
            return;
        }
        // A poll the breaker refused never touched the wire: it has no duration worth a histogram sample.
        if (ok || reason != PollErrorReason.CIRCUIT_OPEN) {
            device.duration.record(Math.max(0, durationNanos), TimeUnit.NANOSECONDS);
        }
        device.up.set(ok ? 1 : 0);
        if (!ok) {
            device.errors.get(reason == null ? PollErrorReason.EXCEPTION : reason).increment();
        }
    }

    /** The protocol label: how plantd talks to the device, from its connection. */
    static String protocolOf(Connection connection) {
        if (connection instanceof Connection.ModbusTcp tcp) {
            return tcp.rtuOverTcp() ? "modbus-rtu-over-tcp" : "modbus-tcp";
        }
        if (connection instanceof Connection.ModbusRtu) {
            return "modbus-rtu";
        }
        return "bacnet-ip";
    }

    private static final class Device {
        final AtomicInteger up = new AtomicInteger();
        final Timer duration;
        final Map<PollErrorReason, Counter> errors = new EnumMap<>(PollErrorReason.class);

        Device(MeterRegistry registry, DeviceConfig config) {
            Tags device = Tags.of("device", config.id());
            Gauge.builder("plantd_device_up", up, AtomicInteger::get).strongReference(true)
                    .description("1 when the last poll of the device succeeded")
                    .tags(device.and("protocol", protocolOf(config.connection())))
                    .register(registry);
            duration = Timer.builder("plantd_device_poll_duration")
                    .description("Time one poll of the device took, all reads included")
                    .serviceLevelObjectives(POLL_BUCKETS).tags(device).register(registry);
            for (PollErrorReason reason : PollErrorReason.values()) {
                errors.put(reason, Counter.builder("plantd_device_poll_errors")
                        .description("Failed polls of the device by reason")
                        .tags(device.and("reason", reason.label())).register(registry));
            }
        }
    }
}
