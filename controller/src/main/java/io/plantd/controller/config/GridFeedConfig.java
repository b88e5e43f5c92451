package io.plantd.controller.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where the grid signal comes from. With {@code NONE} the site runs on its tariff alone. */
public record GridFeedConfig(Source source, Optional<String> device, Optional<Path> scheduleFile,
                             Optional<String> mqttTopic, long maxAgeMs) {
    public enum Source {
        NONE,
        MODBUS,
        SCHEDULE,
        MQTT
    }
}
