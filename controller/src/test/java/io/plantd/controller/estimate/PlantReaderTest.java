package io.plantd.controller.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.ControlSettings;
import io.plantd.controller.config.EconomicSettings;
import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.config.GridEventSettings;
import io.plantd.controller.config.Meters;
import io.plantd.controller.config.Site;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.Tariff;
import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.drivers.point.Quality;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlantReaderTest {
    private static final long NOW = 1_780_000_000_000L;
    private final SiteConfig config = new SiteConfig(Path.of("t.yaml"),
            new Site("s", 10_000, 200, 500, OptionalDouble.empty(), 900, "USD", new Tariff(0.1, 1, 0.4, 5.3)),
            new ControlSettings(1000, 600, 30, 5000, 300, 3600, 86_400, new EconomicSettings(false, 0, 0),
                    new GridEventSettings(Map.of(), 2, 60, 59.8, 0)),
            List.of(), Map.of(), new Meters(PointId.of("meter", "site_power"), Optional.of(PointId.of("meter", "it")), 300),
            List.of(new ChillerConfig("ch1", "dev1", 500, 0.6, false,
                    new EngineLimits(300, 900, 600, 3, 4000, 1800, 0.08, 0.02))),
            null, null, null, null, null, null);
    private final PlantReader reader = new PlantReader(config);
    private final Map<PointId, PointValue> points = new HashMap<>();

    private void put(String device, String point, double v) {
        points.put(PointId.of(device, point), PointValue.good(v, "", NOW));
    }

    private void healthyChiller() {
        put("dev1", "drive_mode_status", 1);
        put("dev1", "motor_power", 240);
        put("dev1", "cooling_load", 400);
        put("dev1", "engine_ready", 1);
        put("dev1", "engine_running", 0);
        put("dev1", "engine_start_failed", 0);
        put("dev1", "gas_pressure_low", 0);
        put("dev1", "fault", 0);
    }

    @Test
    void readsGoodPointsAsTypedValues() {
        healthyChiller();
        put("meter", "site_power", 9000);
        put("meter", "it", 7000);
        ChillerReading r = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(r.stale()).isFalse();
        assertThat(r.actualMode()).isEqualTo(DriveMode.MOTOR);
        assertThat(r.motorKw()).isEqualTo(240);
        assertThat(r.motorEquivalentKw()).isEqualTo(240);
        assertThat(r.engineReady()).isTrue();
        assertThat(r.gasPressureLow()).isFalse();
        SiteReading s = reader.site(new ProcessImage(NOW, points));
        assertThat(s.siteKw()).isEqualTo(9000);
        assertThat(s.itKw()).isEqualTo(7000);
    }

    @Test
    void badSiteMeterIsNeverAZero() {
        points.put(PointId.of("meter", "site_power"), PointValue.bad("kW", "sentinel 0x8000", NOW));
        SiteReading s = reader.site(new ProcessImage(NOW, points));
        assertThat(s.siteGood()).isFalse();
        assertThat(s.siteKw()).isNaN();
        assertThat(s.siteQuality()).isEqualTo(Quality.BAD);
        points.put(PointId.of("meter", "site_power"), PointValue.good(Double.NaN, "kW", NOW));
        assertThat(reader.site(new ProcessImage(NOW, points)).siteGood()).isFalse();
    }

    @Test
    void aSiteMeterStuckFor30sWhileTheLoadsMoveIsStaleUntilItMovesAgain() {
        healthyChiller();
        PointId site = PointId.of("meter", "site_power");
        long t = NOW;
        for (int s = 0; s < 30; s++, t += 1000) {
            points.put(site, PointValue.good(9000, "kW", t));
            put("meter", "it", 7000 + s);
            assertThat(reader.site(new ProcessImage(t, points)).siteGood()).as("second %d", s).isTrue();
        }
        points.put(site, PointValue.good(9000, "kW", t));
        SiteReading frozen = reader.site(new ProcessImage(t, points));
        assertThat(frozen.siteQuality()).isEqualTo(Quality.STALE);
        assertThat(frozen.siteKw()).isNaN();
        assertThat(frozen.siteReason()).startsWith("frozen: unchanged at 9000.0 kW for 30 s");
        points.put(site, PointValue.good(9000.5, "kW", t + 1000));
        assertThat(reader.site(new ProcessImage(t + 1000, points)).siteKw()).as("moves again: good").isEqualTo(9000.5);
    }

    @Test
    void aSteadyPlantWithASteadyMeterIsNotFrozen() {
        healthyChiller();
        put("meter", "it", 7000);
        for (long t = NOW; t < NOW + 600_000; t += 1000) {
            points.put(PointId.of("meter", "site_power"), PointValue.good(9000, "kW", t));
            assertThat(reader.site(new ProcessImage(t, points)).siteGood()).isTrue();
        }
    }

    @Test
    void unreadableBooleansResolveToKeepingTheEngineOut() {
        healthyChiller();
        points.put(PointId.of("dev1", "engine_ready"), PointValue.bad("", "0xFFFF", NOW));
        points.put(PointId.of("dev1", "gas_pressure_low"), PointValue.bad("", "0xFFFF", NOW));
        points.put(PointId.of("dev1", "fault"), PointValue.bad("", "0xFFFF", NOW));
        ChillerReading r = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(r.stale()).isFalse();
        assertThat(r.engineReady()).isFalse();
        assertThat(r.gasPressureLow()).isTrue();
        assertThat(r.fault()).isTrue();
    }

    @Test
    void staleOrMissingPointsMakeTheChillerStale() {
        healthyChiller();
        points.put(PointId.of("dev1", "motor_power"),
                new PointValue(240, "kW", Quality.STALE, "older than max age", NOW - 60_000));
        ChillerReading r = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(r.stale()).isTrue();
        assertThat(r.staleBecause()).contains("motor_power").contains("STALE");
        points.clear();
        assertThat(reader.chiller(new ProcessImage(NOW, points), 0).stale()).isTrue();
    }

    @Test
    void unknownDriveCodeIsStale() {
        healthyChiller();
        put("dev1", "drive_mode_status", 7);
        ChillerReading r = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(r.stale()).isTrue();
        assertThat(r.staleBecause()).contains("drive_mode_status");
    }

    @Test
    void motorKwIsEstimatedFromTonsWhenNotMeasured() {
        healthyChiller();
        points.put(PointId.of("dev1", "motor_power"), PointValue.bad("kW", "sentinel", NOW));
        ChillerReading r = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(r.motorKwMeasured()).isFalse();
        assertThat(r.motorKw()).isEqualTo(400 * 0.6);
        put("dev1", "drive_mode_status", 2);
        put("dev1", "engine_running", 1);
        ChillerReading onEngine = reader.chiller(new ProcessImage(NOW, points), 0);
        assertThat(onEngine.motorKw()).isZero();
        assertThat(onEngine.motorEquivalentKw()).isEqualTo(400 * 0.6);
    }
}
