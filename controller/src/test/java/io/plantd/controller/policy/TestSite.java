package io.plantd.controller.policy;

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
import io.plantd.drivers.point.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds {@link SiteConfig}s in code for policy tests (defaults from DOMAIN-NOTES.md). */
final class TestSite {
    static final PointId SITE_METER = PointId.of("meter", "site_power");

    double serviceKw = 10_000;
    double marginKw = 200;
    double releaseMarginKw = 500;
    OptionalDouble demandTargetKw = OptionalDouble.empty();
    long releaseDelayS = 600;
    long predictionWindowS = 300;
    long spikeSpanS = io.plantd.controller.config.ConfigDefaults.SPIKE_SPAN_S;
    long spikeMemoryS = io.plantd.controller.config.ConfigDefaults.SPIKE_MEMORY_S;
    boolean economic = false;
    double deadbandPerHour = 5;
    double heatCreditPerHour = 0;
    double electricityPerKwh = 0.10;
    double gasPerTherm = 1.0;
    Map<Integer, Double> reductionByLevel = Map.of(1, 0.0, 2, 1000.0, 3, 2000.0);
    int prestartLevel = 2;
    double lowFrequencyCapReductionKw = 1500;
    GridFeedConfig.Source gridSource = GridFeedConfig.Source.NONE;
    final List<ChillerConfig> chillers = new ArrayList<>();

    static TestSite site() {
        return new TestSite();
    }

    TestSite chiller(String id, double tons, boolean blend) {
        return chiller(id, tons, blend, limits());
    }

    TestSite chiller(String id, double tons, boolean blend, EngineLimits limits) {
        chillers.add(new ChillerConfig(id, id + "-dev", tons, 0.6, blend, limits));
        return this;
    }

    /** L 300 s, min run 900 s, min off 600 s, 3 starts/h, 4000 h/y, lock-out 1800 s. */
    static EngineLimits limits() {
        return new EngineLimits(300, 900, 600, 3, 4000, 1800, 0.08, 0.02);
    }

    static EngineLimits limits(long leadS, long minRunS, long minOffS, int startsPerHour, double budgetH,
                               long lockoutS) {
        return new EngineLimits(leadS, minRunS, minOffS, startsPerHour, budgetH, lockoutS, 0.08, 0.02);
    }

    SiteConfig build() {
        Site site = new Site("test-site", serviceKw, marginKw, releaseMarginKw, demandTargetKw, 900, "USD",
                new Tariff(electricityPerKwh, gasPerTherm, 0.4, 5.3));
        ControlSettings control = new ControlSettings(1000, releaseDelayS, 30, 5000, predictionWindowS, 3600, 86_400,
                new EconomicSettings(economic, deadbandPerHour, heatCreditPerHour),
                new GridEventSettings(reductionByLevel, prestartLevel, 60.0, 59.8, lowFrequencyCapReductionKw),
                spikeSpanS, spikeMemoryS);
        return new SiteConfig(Path.of("test-site.yaml"), site, control, List.of(), Map.of(),
                new Meters(SITE_METER, Optional.empty(), 300), chillers,
                new GridFeedConfig(gridSource, Optional.empty(), Optional.empty(), Optional.empty(), 5000),
                new MqttConfig(false, "tcp://127.0.0.1:1883", "plantd", Optional.empty(), Optional.empty(),
                        Optional.empty(), Map.of()),
                new MetricsConfig(false, "127.0.0.1", 0),
                new LoggingConfig("INFO", Path.of("decisions.jsonl"), 1_000_000, 3),
                new ShutdownConfig(DriveMode.LOCAL), Path.of("state"));
    }
}
