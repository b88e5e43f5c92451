package io.plantd.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    static List<String> errors(String yaml) {
        try {
            ScenarioLoader.parse(Path.of("bad.yaml"), yaml);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected errors");
    }

    @Test
    void readsAValidScenario() {
        Scenario s = TestScenarios.parse(TestScenarios.TWO_CHILLERS);
        assertThat(s.site().chillers()).hasSize(2);
        assertThat(s.site().chillers().get(1).blend()).isFalse();
        assertThat(s.timeline()).hasSize(4);
        assertThat(s.feasible()).isTrue();
        assertThat(s.serve().basePort()).isZero();
    }

    @Test
    void reportsEveryErrorWithFileLineColumnAndPath() {
        List<String> errors = errors("""
                name: broken
                start: yesterday
                durationS: 600
                site:
                  serviceCapacityKw: 10000
                  itLoad: { profile: { baseKw: -5 } }
                  chillers:
                    - { id: ch1, capacityTons: 500, trueLeadTimeS: 300, colour: red }
                    - { id: ch1, capacityTons: 500, trueLeadTimeS: 5 }
                timeline:
                  - { at: 700, set: { eventLevel: 2 } }
                  - { at: 10, set: { eventLevel: 5, itOfsetKw: 3 } }
                  - { at: 20, ramp: { outage: 1, overS: 10 } }
                  - { at: 30, fault: { type: engine-trip, chiller: ch9 } }
                  - { at: 40, clear: { type: engine-trip, chiller: ch1 } }
                  - { at: 50, fault: { type: meter-noise } }
                  - { at: 60, fault: { type: dropout } }
                  - { at: 70, fault: { type: melt-down } }
                  - { at: 80, set: { itOffsetKw: 1 }, fault: { type: meter-freeze } }
                """);
        assertThat(errors).containsExactly(
                "bad.yaml:2:8: start: expected an ISO-8601 UTC time such as 2026-07-20T12:00:00Z",
                "bad.yaml:6:32: site.itLoad.profile.baseKw: must be between 0 and 1000000, got -5",
                "bad.yaml:8:57: site.chillers[0].colour: unknown key (known keys here: id, capacityTons, designKwPerTon,"
                        + " trueLeadTimeS, blend, watchdogS, cooldownS, motorPickupS)",
                "bad.yaml:9:13: site.chillers[1].id: duplicate chiller id (first at line 8)",
                "bad.yaml:9:52: site.chillers[1].trueLeadTimeS: must be between 10 and 3600, got 5",
                "bad.yaml:11:11: timeline[0].at: must be between 0 and 600, got 700",
                "bad.yaml:12:34: timeline[1].set.eventLevel: must be between 0 and 3, got 5",
                "bad.yaml:12:37: timeline[1].set.itOfsetKw: unknown key (did you mean 'itOffsetKw'?)",
                "bad.yaml:13:31: timeline[2].ramp.outage: outage changes in steps and cannot be ramped; use set",
                "bad.yaml:14:52: timeline[3].fault.chiller: no chiller 'ch9' in site.chillers",
                "bad.yaml:15:30: timeline[4].clear.type: engine-trip is momentary and cannot be cleared",
                "bad.yaml:16:22: timeline[5].fault.sigmaKw: required field is missing",
                "bad.yaml:17:22: timeline[6].fault.device: required field is missing",
                "bad.yaml:18:30: timeline[7].fault.type: unknown fault; known: engine-start-failure, engine-trip,"
                        + " gas-pressure-loss, chiller-fault, meter-freeze, meter-noise, meter-word-order, dropout",
                "bad.yaml:19:5: timeline[8]: only one of set, ramp, fault or clear per entry, got [set, fault]");
    }

    @Test
    void missingSectionsAreReportedAtTheDocument() {
        assertThat(errors("name: x\n")).containsExactlyInAnyOrder(
                "bad.yaml:1:1: durationS: required field is missing",
                "bad.yaml:1:1: site: required field is missing",
                "bad.yaml:1:1: start: required field is missing");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        assertThat(errors("name: [x\n")).hasSize(1).first().asString().startsWith("bad.yaml:2:1: (document): invalid YAML");
    }

    /** Found by the scenario fuzzer: a key with no value once let a scenario through with no IT load source. */
    @Test
    void anItLoadSourceWithNoValueIsRefused() {
        String yaml = """
                name: x
                start: 2026-07-20T14:00:00Z
                durationS: 600
                site:
                  serviceCapacityKw: 5000
                  itLoad: { %s }
                  chillers: [ { id: a, capacityTons: 500, trueLeadTimeS: 300 } ]
                """;
        assertThat(errors(yaml.formatted("profile: "))).containsExactly(
                "bad.yaml:6:11: site.itLoad: give a profile or a csv file");
        assertThat(errors(yaml.formatted("csv: ''"))).containsExactly(
                "bad.yaml:6:18: site.itLoad.csv: expected the name of a CSV file with seconds,it_kw rows");
        assertThat(errors(yaml.formatted("profile: , csv: "))).containsExactly(
                "bad.yaml:6:11: site.itLoad: give a profile or a csv file");
    }

    @Test
    void csvItLoadIsResolvedNextToTheScenarioAndCheckedAtLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("load.csv"), "0,1000\n600,1200\n");
        String yaml = """
                name: csv
                start: 2026-07-20T14:00:00Z
                durationS: 600
                site:
                  serviceCapacityKw: 5000
                  itLoad: { csv: load.csv }
                  chillers: [ { id: a, capacityTons: 500, trueLeadTimeS: 300 } ]
                """;
        Path file = dir.resolve("csv.yaml");
        Files.writeString(file, yaml);
        Scenario s = ScenarioLoader.load(file);
        assertThat(s.site().itLoad()).isInstanceOf(ItLoadSpec.Csv.class);
        Files.writeString(file, yaml.replace("load.csv", "missing.csv"));
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":6:18: site.itLoad.csv: cannot read");
    }

    @Test
    void serveOverridesAreCheckedAgainstTheDevices() {
        List<String> errors = errors(TestScenarios.TWO_CHILLERS.replace("serve: { basePort: 0 }",
                "serve: { basePort: 0, devices: { ch1: { port: 1502, unitId: 2 }, ch2: { port: 1502, unitId: 2 },"
                        + " pump: { port: 1503 } } }"));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("serve.devices.ch2: port 1502 unit 2 is already used by ch1");
        assertThat(errors.get(1)).contains("serve.devices.pump: no simulated device 'pump'");
    }
}
