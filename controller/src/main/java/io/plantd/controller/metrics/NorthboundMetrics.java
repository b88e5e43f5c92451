package io.plantd.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** MQTT connection state and external commands by name and outcome. Called from the MQTT threads. */
public final class NorthboundMetrics {
    /** The commands of the MQTT tree; anything else is counted as {@code unknown}. */
    public static final List<String> COMMANDS = List.of("override", "cap", "mode", "rebirth", "unknown");

    private final AtomicInteger mqttConnected = new AtomicInteger();
    private final Map<String, Map<CommandOutcome, Counter>> commands = new LinkedHashMap<>();

    public NorthboundMetrics(MeterRegistry registry) {
        Gauge.builder("plantd_mqtt_connected", mqttConnected, AtomicInteger::get).strongReference(true)
                .description("1 while connected to the MQTT broker").register(registry);
        for (String command : COMMANDS) {
            Map<CommandOutcome, Counter> byOutcome = new EnumMap<>(CommandOutcome.class);
            for (CommandOutcome outcome : CommandOutcome.values()) {
                byOutcome.put(outcome, Counter.builder("plantd_commands")
                        .description("External commands received, by command and outcome")
                        .tags(Tags.of("command", command, "result", outcome.label())).register(registry));
            }
            commands.put(command, byOutcome);
        }
    }

    public void recordCommand(String command, CommandOutcome outcome) {
        Map<CommandOutcome, Counter> byOutcome = commands.get(command);
        (byOutcome == null ? commands.get("unknown") : byOutcome).get(outcome).increment();
    }

    public void setMqttConnected(boolean connected) {
        mqttConnected.set(connected ? 1 : 0);
    }
}
