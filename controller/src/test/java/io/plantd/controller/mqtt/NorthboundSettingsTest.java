package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.ControlSettings;
import io.plantd.controller.config.EconomicSettings;
import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.config.GridEventSettings;
import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.LoggingConfig;
import io.plantd.controller.config.Meters;
import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.ShutdownConfig;
import io.plantd.controller.config.Site;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.Tariff;
import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.point.PointId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NorthboundSettingsTest {
    @TempDir
    Path dir;

    private SiteConfig config(Path file, GridFeedConfig grid) {
        EngineLimits engine = new EngineLimits(300, 900, 600, 4, 2000, 1800, 0.1, 0.5);
        return new SiteConfig(file,
                new Site("dc1", 10_000, 200, 400, OptionalDouble.empty(), 900, "USD", new Tariff(0.12, 1.1, 0.4, 5.3)),
                new ControlSettings(1000, 600, 60, 5000, 300, 1800, 7200, new EconomicSettings(true, 1, 0),
                        new GridEventSettings(Map.of(), 2, 60, 59.8, 500)),
                List.of(), Map.of(), new Meters(PointId.of("meter", "site_kw"), Optional.empty(), 300),
                List.of(new ChillerConfig("ch1", "chiller1", 500, 0.6, false, engine),
                        new ChillerConfig("ch2", "chiller2", 500, 0.6, true, engine)),
                grid,
                new MqttConfig(true, "tcp://127.0.0.1:1883", "plantd-dc1", Optional.empty(), Optional.empty(),
                        Optional.empty(), Map.of("bms", Set.of("override"))),
                new MetricsConfig(true, "127.0.0.1", 9108), new LoggingConfig("INFO", dir.resolve("d.jsonl"), 1, 1),
                new ShutdownConfig(DriveMode.LOCAL), dir);
    }

    @Test
    void takesSiteChillersOverrideBoundsGridTopicAndHashesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("site.yaml"), "site: {id: dc1}\n");
        NorthboundSettings s = NorthboundSettings.from(config(file, new GridFeedConfig(GridFeedConfig.Source.MQTT,
                Optional.empty(), Optional.empty(), Optional.of("ven/dc1/grid"), 120_000)), "1.2.3");
        assertThat(s.siteId()).isEqualTo("dc1");
        assertThat(s.chillerIds()).containsExactlyInAnyOrder("ch1", "ch2");
        assertThat(s.serviceCapacityKw()).isEqualTo(10_000);
        assertThat(s.overrideDefault()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.overrideMax()).isEqualTo(Duration.ofHours(2));
        assertThat(s.gridTopic()).contains("ven/dc1/grid");
        assertThat(s.gridMaxAge()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.mqtt().keepAliveS()).isEqualTo(MqttConfig.DEFAULT_KEEP_ALIVE_S);
        // sha256("site: {id: dc1}\n"), first 8 bytes
        assertThat(s.configHash()).hasSize(16).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)), 0, 8));
    }

    @Test
    void noGridTopicUnlessTheSourceIsMqtt() {
        NorthboundSettings s = NorthboundSettings.from(config(dir.resolve("missing.yaml"),
                new GridFeedConfig(GridFeedConfig.Source.MODBUS, Optional.of("gw"), Optional.empty(),
                        Optional.of("ignored"), 5000)), "1.2.3");
        assertThat(s.gridTopic()).isEmpty();
        assertThat(s.configHash()).isEqualTo("unknown");
    }
}
