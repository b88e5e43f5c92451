package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.config.MqttConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Misconfiguration is reported when the northbound is built or started, naming what is wrong. */
class MqttNorthboundConfigTest {
    private static NorthboundSettings with(MqttConfig mqtt) {
        NorthboundSettings s = Fixtures.settings("cfg", "tcp://127.0.0.1:1");
        return new NorthboundSettings(s.siteId(), mqtt, s.chillerIds(), s.serviceCapacityKw(), s.overrideDefault(),
                s.overrideMax(), s.gridTopic(), s.gridMaxAge(), s.version(), s.configHash(), s.connectTimeout(),
                s.initialRetryDelay(), s.socketFactory(), s.commandTimeout());
    }

    @Test
    void anUnusableUrlFailsStartNamingTheUrl() {
        MqttNorthbound nb = new MqttNorthbound(with(new MqttConfig(true, "http://broker:80", "plantd", Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of())), new Fixtures.RecordingSink(), Clock.systemUTC());
        assertThatThrownBy(nb::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://broker:80");
        nb.close();
    }

    @Test
    void aMissingCaFileFailsConstructionNamingTls() {
        MqttConfig mqtt = new MqttConfig(true, "ssl://127.0.0.1:8883", "plantd", Optional.empty(), Optional.empty(),
                Optional.of(new MqttConfig.Tls("/nonexistent/ca.pem", Optional.empty(), Optional.empty(),
                        Optional.empty())), Map.of());
        assertThatThrownBy(() -> new MqttNorthbound(with(mqtt), new Fixtures.RecordingSink(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mqtt.tls")
                .hasMessageContaining("/nonexistent/ca.pem");
    }
}
