package io.plantd.controller.mqtt;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.SocketFactory;

/**
 * Everything the MQTT northbound needs from the site config, plus session timings.
 * {@code socketFactory} overrides the transport (TLS from {@code mqtt.tls} otherwise);
 * {@code commandTimeout} bounds how long a reply waits for the cycle to confirm a command.
 */
public record NorthboundSettings(
        String siteId,
        MqttConfig mqtt,
        Set<String> chillerIds,
        double serviceCapacityKw,
        Duration overrideDefault,
        Duration overrideMax,
        Optional<String> gridTopic,
        Duration gridMaxAge,
        String version,
        String configHash,
        Duration connectTimeout,
        Duration initialRetryDelay,
        Optional<SocketFactory> socketFactory,
        Duration commandTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_INITIAL_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    public NorthboundSettings {
        chillerIds = Set.copyOf(chillerIds);
    }

    /** From a loaded site config; the config hash is the SHA-256 of the file (first 16 hex digits). */
    public static NorthboundSettings from(SiteConfig config, String version) {
        GridFeedConfig grid = config.grid();
        Optional<String> gridTopic = grid.source() == GridFeedConfig.Source.MQTT ? grid.mqttTopic() : Optional.empty();
        return new NorthboundSettings(config.site().id(), config.mqtt(),
                config.chillers().stream().map(ChillerConfig::id).collect(Collectors.toSet()),
                config.site().serviceCapacityKw(), Duration.ofSeconds(config.control().overrideDefaultS()),
                Duration.ofSeconds(config.control().overrideMaxS()), gridTopic, Duration.ofMillis(grid.maxAgeMs()), version,
                hashOf(config), DEFAULT_CONNECT_TIMEOUT, DEFAULT_INITIAL_RETRY_DELAY, Optional.empty(),
                DEFAULT_COMMAND_TIMEOUT);
    }

    public NorthboundSettings withSocketFactory(SocketFactory factory) {
        return new NorthboundSettings(siteId, mqtt, chillerIds, serviceCapacityKw, overrideDefault, overrideMax,
                gridTopic, gridMaxAge, version, configHash, connectTimeout, initialRetryDelay, Optional.of(factory),
                commandTimeout);
    }

    public NorthboundSettings withGridTopic(String topic, Duration maxAge) {
        return new NorthboundSettings(siteId, mqtt, chillerIds, serviceCapacityKw, overrideDefault, overrideMax,
                Optional.of(topic), maxAge, version, configHash, connectTimeout, initialRetryDelay, socketFactory,
                commandTimeout);
    }

    public NorthboundSettings withTimings(Duration connect, Duration initialRetry) {
        return new NorthboundSettings(siteId, mqtt, chillerIds, serviceCapacityKw, overrideDefault, overrideMax,
                gridTopic, gridMaxAge, version, configHash, connect, initialRetry, socketFactory, commandTimeout);
    }

    public NorthboundSettings withCommandTimeout(Duration timeout) {
        return new NorthboundSettings(siteId, mqtt, chillerIds, serviceCapacityKw, overrideDefault, overrideMax,
                gridTopic, gridMaxAge, version, configHash, connectTimeout, initialRetryDelay, socketFactory, timeout);
    }

    private static String hashOf(SiteConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(config.file()));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}
