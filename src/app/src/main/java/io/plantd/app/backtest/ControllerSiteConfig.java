package io.plantd.app.backtest;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.ControlSettings;
import io.plantd.controller.config.EconomicSettings;
import io.plantd.controller.config.GridEventSettings;
import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.LoggingConfig;
import io.plantd.controller.config.Meters;
import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.ShutdownConfig;
import io.plantd.controller.config.Site;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.point.PointId;
import io.plantd.sim.device.GridDevice;
import io.plantd.sim.device.MeterDevice;
import io.plantd.sim.device.PointNames;
import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The controller configuration a site operator would write for a simulated plant: device and
 * point names are the simulator's (the same as its profiles), chiller sizes come from the
 * scenario, and the controller's own figures (configured lead time, margins, limits) from the
 * backtest settings — the controller never sees the units' true lead times.
 */
public final class ControllerSiteConfig {
    private ControllerSiteConfig() {
    }

    /** Refuses a site config whose meter or chillers are not devices of the simulated plant. */
    public static void checkMatches(SiteConfig config, io.plantd.sim.device.SimDevices devices) {
        List<String> problems = new ArrayList<>();
        String meter = config.meters().site().device();
        if (devices.byId(meter).isEmpty()) {
            problems.add("site meter device '" + meter + "'");
        }
        for (ChillerConfig c : config.chillers()) {
            if (devices.byId(c.device()).isEmpty()) {
                problems.add("chiller " + c.id() + " device '" + c.device() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(config.file() + ": not in the simulated plant: "
                    + String.join(", ", problems) + " (simulated devices: "
                    + devices.all().stream().map(d -> d.id()).toList() + ")");
        }
    }

    public static SiteConfig of(Scenario scenario, BacktestSettings s) {
        Scenario.Site plant = scenario.site();
        List<ChillerConfig> chillers = new ArrayList<>();
        for (ChillerSpec c : plant.chillers()) {
            chillers.add(new ChillerConfig(c.id(), c.id(), c.capacityTons(), c.designKwPerTon(), c.blend(), s.engine()));
        }
        Site site = new Site("backtest-" + scenario.name(), plant.serviceCapacityKw(), s.marginKw(),
                s.releaseMarginKw(), OptionalDouble.empty(), 900, "USD", s.tariff());
        ControlSettings control = new ControlSettings(1000, s.releaseDelayS(), 30, 5000, 300, 3600, 86_400,
                new EconomicSettings(false, 5, 0),
                new GridEventSettings(Map.of(1, 0.0, 2, 500.0, 3, 1000.0), 2, plant.frequencyHz(),
                        plant.frequencyHz() - 0.2, 1000));
        return new SiteConfig(scenario.file(), site, control, List.of(), Map.of(),
                new Meters(PointId.of(MeterDevice.ID, PointNames.Meter.SITE_POWER),
                        Optional.of(PointId.of(MeterDevice.ID, PointNames.Meter.IT_POWER)), plant.otherFixedKw()),
                chillers,
                new GridFeedConfig(GridFeedConfig.Source.MODBUS, Optional.of(GridDevice.ID), Optional.empty(),
                        Optional.empty(), 5000),
                new MqttConfig(false, "tcp://127.0.0.1:1883", "plantd-backtest", Optional.empty(), Optional.empty(),
                        Optional.empty(), Map.of()),
                new MetricsConfig(false, "127.0.0.1", 0),
                new LoggingConfig("WARN", java.nio.file.Path.of("backtest-decisions.jsonl"), 1_000_000, 1),
                new ShutdownConfig(DriveMode.LOCAL), java.nio.file.Path.of("backtest-state"));
    }
}
