package io.plantd.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.sim.Simulation;
import io.plantd.sim.device.PointNames;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.record.GroundTruthRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario validates, and is feasible or infeasible as it says: with every engine
 * commanded from the first second, the true site draw stays under cap − 200 kW (the reference
 * margin) unless the file declares the scenario infeasible. Scenarios that are about holding a
 * cap must also need engines: on motor alone they go over cap − 200 kW.
 */
class ShippedScenariosTest {
    static final double MARGIN_KW = 200;
    static final List<String> EXPECTED = List.of("normal-day", "heat-wave", "dr-event", "it-spike", "meter-loss",
            "engine-fail-to-start", "gas-loss", "grid-outage");
    /** Scenarios whose point is not a binding cap. */
    static final List<String> CAP_NOT_BINDING = List.of("normal-day", "grid-outage");

    static Path dir() {
        return Path.of(System.getProperty("plantd.root", "../.."), "config", "scenarios");
    }

    /** Timeline scenarios; generator files (year.yaml) are read only by plantd backtest and tested there. */
    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !isGenerator(p)).sorted().toList().stream();
        }
    }

    private static boolean isGenerator(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("generator:"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRequiredScenarioIsShipped() throws IOException {
        List<String> names = files().map(p -> p.getFileName().toString().replace(".yaml", "")).toList();
        assertThat(names).containsAll(EXPECTED);
    }

    /** Max of (true site − (cap − margin)) over the run, and the unmet cooling. */
    record Outcome(double worstKw, double unmetTonHours, long starts) {
    }

    static Outcome run(Scenario s, int command) {
        Simulation sim = new Simulation(s);
        GroundTruthRecorder rec = sim.record(new GroundTruthRecorder());
        List<SimDevice> chillers = sim.devices().all().stream()
                .filter(d -> d.kind() == io.plantd.drivers.profile.DeviceKind.CHILLER).toList();
        double worst = Double.NEGATIVE_INFINITY;
        int hb = 0;
        while (!sim.finished()) {
            hb++;
            for (SimDevice c : chillers) {
                c.write(PointNames.Chiller.DRIVE_MODE_CMD, command);
                c.write(PointNames.Chiller.HEARTBEAT, hb % 65536);
            }
            sim.advance(1);
            worst = Math.max(worst, sim.model().siteKw() - (sim.model().capKw() - MARGIN_KW));
        }
        long starts = sim.model().chillers().stream().mapToLong(c -> c.starts()).sum();
        return new Outcome(worst, rec.summary().unmetTonHours(), starts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validatesAndIsAsFeasibleAsItSays(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        assertThat(s.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(s.durationS()).isBetween(1800L, 3600L);
        Outcome motor = run(s, DriveCode.MOTOR);
        Outcome engines = run(s, DriveCode.ENGINE);
        System.out.printf(Locale.ROOT, "%-22s motor-only worst %+7.0f kW | all-engines worst %+7.0f kW | unmet %.2f ton-h%n",
                s.name(), motor.worstKw(), engines.worstKw(), motor.unmetTonHours());
        assertThat(motor.unmetTonHours()).as("cooling capacity suffices").isZero();
        if (s.feasible()) {
            assertThat(engines.worstKw()).as("engines keep the site under cap - margin").isLessThanOrEqualTo(0);
        } else {
            assertThat(engines.worstKw()).as("declared infeasible").isGreaterThan(0);
        }
        if (!CAP_NOT_BINDING.contains(s.name())) {
            assertThat(motor.worstKw()).as("the scenario needs engines").isGreaterThan(0);
        } else {
            assertThat(motor.worstKw()).as("the cap is not binding").isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void matchingSiteConfigPointsAtTheSimulatorsDefaultPorts(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        Path site = dir().resolveSibling("sites").resolve("sim-" + s.name() + ".yaml");
        io.plantd.drivers.yaml.ConfigErrors errors = new io.plantd.drivers.yaml.ConfigErrors();
        io.plantd.drivers.yaml.YamlMap root = io.plantd.drivers.yaml.YamlDocument.load(site, errors).orElseThrow().asMap();
        java.util.function.Function<String, io.plantd.sim.modbus.Binding> bindings =
                io.plantd.sim.SimulatorRunner.bindings(s, io.plantd.sim.SimulatorRunner.Options.realTime());
        Simulation sim = new Simulation(s);
        List<io.plantd.drivers.yaml.YamlValue> devices = root.required("devices").orElseThrow().asList();
        assertThat(devices).hasSize(sim.devices().all().size());
        for (io.plantd.drivers.yaml.YamlValue d : devices) {
            io.plantd.drivers.yaml.YamlMap dm = d.asMap();
            String id = dm.requiredString("id");
            SimDevice dev = sim.devices().byId(id).orElseThrow(() -> new AssertionError("no simulated device " + id));
            io.plantd.drivers.yaml.YamlMap c = dm.required("connection").orElseThrow().asMap();
            Scenario.BacnetServe overBacnet = s.serve().bacnet().get(id);
            if (overBacnet != null) {
                assertThat(dm.requiredString("profile")).isEqualTo(io.plantd.sim.bacnet.BacnetChillerProfile.NAME);
                assertThat(c.requiredString("type")).isEqualTo("bacnet-ip");
                assertThat(c.requiredString("host")).isEqualTo(s.serve().host());
                assertThat(c.requiredInteger("port", 1, 65535)).as(id).isEqualTo(overBacnet.port());
                assertThat(c.requiredInteger("deviceInstance", 0, 4194302)).as(id).isEqualTo(overBacnet.deviceInstance());
                continue;
            }
            assertThat(dm.requiredString("profile")).isEqualTo(dev.profile());
            io.plantd.sim.modbus.Binding b = bindings.apply(id);
            assertThat(c.requiredString("host")).isEqualTo(b.host());
            assertThat(c.requiredInteger("port", 1, 65535)).as(id).isEqualTo(b.port());
            assertThat(c.requiredInteger("unitId", 0, 255)).as(id).isEqualTo(b.unitId());
        }
        List<io.plantd.drivers.yaml.YamlValue> chillers = root.required("chillers").orElseThrow().asList();
        assertThat(chillers).hasSize(s.site().chillers().size());
        for (int i = 0; i < chillers.size(); i++) {
            io.plantd.drivers.yaml.YamlMap cm = chillers.get(i).asMap();
            assertThat(cm.requiredString("device")).isEqualTo(s.site().chillers().get(i).id());
            assertThat(cm.requiredNumber("capacityTons", 0, 1e6)).isEqualTo(s.site().chillers().get(i).capacityTons());
        }
        io.plantd.drivers.yaml.YamlMap siteMap = root.required("site").orElseThrow().asMap();
        assertThat(siteMap.requiredNumber("serviceCapacityKw", 0, 1e9)).isEqualTo(s.site().serviceCapacityKw());
        assertThat(siteMap.requiredNumber("marginKw", 0, 1e9)).isEqualTo(MARGIN_KW);
        assertThat(errors.list()).isEmpty();
    }
}
