package io.plantd.controller.metrics;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.Connection;
import io.plantd.controller.config.ControlSettings;
import io.plantd.controller.config.DeviceConfig;
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
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.Quality;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A two-chiller site and hand-built cycle reports for it. */
final class MetricsFixtures {
    static final List<String> CHILLERS = List.of("ch1", "ch2");
    static final List<String> DEVICES = List.of("meter", "ch1-plc", "ch2-plc", "grid-gw");
    static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");

    private MetricsFixtures() {
    }

    static SiteConfig site() {
        EngineLimits limits = new EngineLimits(300, 900, 600, 4, 2000, 3600, 0.07, 0.02);
        return new SiteConfig(
                Path.of("site.yaml"),
                new Site("dc-east", 10_000, 200, 400, OptionalDouble.empty(), 900, "USD",
                        new Tariff(0.12, 0.9, 0.4, 5.3)),
                new ControlSettings(1000, 600, 60, 5000, 300, 3600, 86400,
                        new EconomicSettings(true, 5, 0),
                        new GridEventSettings(Map.of(2, 500.0, 3, 1000.0), 2, 60, 59.8, 300)),
                List.of(
                        new DeviceConfig("meter", "pac3200", new Connection.ModbusTcp("127.0.0.1", 502, 1, 500, 0, 125, false), 1000, "meter"),
                        new DeviceConfig("ch1-plc", "sim-hybrid-chiller", new Connection.ModbusTcp("127.0.0.1", 503, 1, 500, 0, 125, true), 1000, "gw"),
                        new DeviceConfig("ch2-plc", "sim-hybrid-chiller", new Connection.ModbusRtu("/dev/ttyS0", 19200, "even", 8, 1, 2, 500, 0, 60), 1000, "rs485"),
                        new DeviceConfig("grid-gw", "bacnet-grid", new Connection.BacnetIp("127.0.0.1", 47808, 1001, 500, 1, 0, ""), 5000, "bacnet")),
                Map.of(),
                new Meters(PointId.of("meter", "total_power"), Optional.empty(), 150),
                List.of(new ChillerConfig("ch1", "ch1-plc", 400, 0.6, true, limits),
                        new ChillerConfig("ch2", "ch2-plc", 200, 0.6, false, limits)),
                new GridFeedConfig(GridFeedConfig.Source.MODBUS, Optional.of("grid-gw"), Optional.empty(), Optional.empty(), 30_000),
                new MqttConfig(false, "tcp://127.0.0.1:1883", "plantd", Optional.empty(), Optional.empty(), Optional.empty(), Map.of()),
                new MetricsConfig(true, "127.0.0.1", 0),
                new LoggingConfig("INFO", Path.of("decisions.jsonl"), 10_000_000, 5),
                new ShutdownConfig(DriveMode.LOCAL),
                Path.of("state"));
    }

    /** Builds reports; every field has a plausible default that a test may change. */
    static final class Report {
        long sequence = 1;
        Instant at = T0;
        long durationNanos = 3_000_000;
        long overruns = 0;
        double siteKw = 8_500;
        Quality quality = Quality.GOOD;
        double effectiveCapKw = 9_800;
        int gridLevel = 0;
        DriveMode ch1 = DriveMode.MOTOR;
        DriveMode ch2 = DriveMode.ENGINE;
        long ch2Starts = 3;
        double ch2RunSeconds = 7200;
        Reason ch1Reason = Reason.STEADY;
        List<Alarm> alarms = new ArrayList<>();

        Report at(long secondsAfterT0) {
            this.sequence = secondsAfterT0 + 1;
            this.at = T0.plusSeconds(secondsAfterT0);
            return this;
        }

        CycleReport build() {
            SiteStatus site = new SiteStatus(siteKw, quality, 6_000, 2_350, 150, siteKw + 50, 10_000,
                    effectiveCapKw, siteKw - 20, 0);
            GridStatus grid = new GridStatus(gridLevel, gridLevel >= 2 ? Optional.of(9_000.0) : Optional.empty(),
                    0.14, 0.95, Optional.empty(), Optional.empty(), Optional.of(60.01), false, true);
            List<ChillerStatus> chillers = List.of(
                    new ChillerStatus("ch1", ch1, ch1, ch1 == DriveMode.ENGINE ? 1 : 0, 240, ch1Reason, "",
                            ch1Reason != Reason.ENGINE_LOCKED_OUT, ch1Reason == Reason.ENGINE_LOCKED_OUT ? "ENGINE_LOCKED_OUT" : "",
                            false, 1, 600, 310, false),
                    new ChillerStatus("ch2", ch2, ch2, 1.0, 0, Reason.CAP_PREDICTED_EXCEEDED, "", true, "",
                            false, ch2Starts, ch2RunSeconds, 295, false),
                    // not in the config: must not create a series
                    new ChillerStatus("rogue", DriveMode.MOTOR, DriveMode.MOTOR, 0, 50, Reason.STEADY, "", true, "",
                            false, 0, 0, 0, false));
            return new CycleReport(sequence, at, durationNanos, overruns, OperatingMode.AUTO, true, site, grid,
                    chillers, List.of(), alarms, new Headroom(1_300 - (siteKw - 8_500), 600, at.plusSeconds(600)));
        }
    }
}
