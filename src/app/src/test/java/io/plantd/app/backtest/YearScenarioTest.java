package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.model.ChillerSpec;
import io.plantd.sim.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YearScenarioTest {
    @Test
    void shippedYearFileNamesTheGeneratorAndBuildsTheReferenceSite() throws Exception {
        Scenario y = BacktestScenarios.load(BacktestRunTest.repo().resolve("config/scenarios/year.yaml"));
        assertThat(y.durationS()).isEqualTo(8760L * 3600);
        assertThat(y.site().serviceCapacityKw()).isEqualTo(10_000);
        assertThat(y.site().chillers()).hasSize(4);
        for (ChillerSpec c : y.site().chillers()) {
            assertThat(c.capacityTons()).isEqualTo(500);
            assertThat(c.designKwPerTon()).isEqualTo(0.6);
            assertThat(c.trueLeadTimeS()).isBetween(200.0, 420.0);
        }
        assertThat(y.timeline()).hasSizeGreaterThan(8760);
        assertThat(y.description()).contains("heat wave", "DR events");
    }

    @Test
    void sameSeedSameYearOtherSeedOtherYear() {
        Scenario a = YearScenario.generate(7, Path.of("a.yaml"));
        Scenario b = YearScenario.generate(7, Path.of("a.yaml"));
        Scenario c = YearScenario.generate(8, Path.of("a.yaml"));
        assertThat(a.timeline()).isEqualTo(b.timeline());
        assertThat(a.site()).isEqualTo(b.site());
        assertThat(a.timeline()).isNotEqualTo(c.timeline());
    }

    @Test
    void unknownKeysAndGeneratorsAreRejectedWithTheirLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: bad\ngenerator: decade\nseed: 3\ncolour: red\n");
        assertThatThrownBy(() -> BacktestScenarios.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml:2").hasMessageContaining("unknown generator 'decade'")
                .hasMessageContaining("bad.yaml:4").hasMessageContaining("colour");
    }
}
