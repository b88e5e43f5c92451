package io.plantd.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyBalanceTest {
    @Test
    void siteIsItPlusMotorPlusOtherAndHeatIsShardedByCapacity() {
        List<ChillerSpec> specs = List.of(ChillerSpec.of("a", 500, 0.6, 300), ChillerSpec.of("b", 250, 0.6, 300));
        PlantModel m = new PlantModel(specs, s -> 2000.0, new Weather(30, 0, 15, 0, 0), 0.12, 600, 10_000, 1, 0);
        m.stepSeconds(1_780_000_000, 1);
        double tons = 2000 / 3.517;
        assertThat(m.loadTons()).isCloseTo(tons, within(1e-9));
        assertThat(m.chiller("a").tons()).isCloseTo(tons * 2 / 3, within(1e-9));
        assertThat(m.chiller("b").tons()).isCloseTo(tons / 3, within(1e-9));
        double kwPerTon = Efficiency.kwPerTon(0.6, tons / 750, 30);
        assertThat(m.motorKw()).isCloseTo(tons * kwPerTon, within(1e-9));
        assertThat(m.otherKw()).isCloseTo(0.12 * 2000 + 600, within(1e-9));
        assertThat(m.siteKw()).isCloseTo(2000 + tons * kwPerTon + 840, within(1e-9));
        assertThat(m.meter().siteKw()).isEqualTo(m.siteKw());
        assertThat(m.unmetTons()).isZero();
    }

    @Test
    void designPointIsAboutPointSixKwPerTonAndAHeatWaveRaisesIt() {
        assertThat(Efficiency.kwPerTon(0.6, 1.0, 30)).isCloseTo(0.6, within(1e-9));
        assertThat(Efficiency.kwPerTon(0.6, 1.0, 42)).isCloseTo(0.6 * 1.18, within(1e-9));
        assertThat(Efficiency.kwPerTon(0.6, 0.65, 30)).isLessThan(0.6);
        assertThat(Efficiency.kwPerTon(0.6, 0.2, 30)).isGreaterThan(Efficiency.kwPerTon(0.6, 0.65, 30));
    }

    @Test
    void gridCapLimitAppliesOnlyInsideTheEventWindow() {
        PlantModel m = new PlantModel(List.of(ChillerSpec.of("a", 500, 0.6, 300)), s -> 1000.0, Weather.MILD, 0, 0,
                10_000, 1, 0);
        m.grid().setCapLimitKw(8000);
        m.grid().setEventStartEpochS(1000);
        m.grid().setEventEndEpochS(2000);
        m.stepSeconds(999, 1);
        assertThat(m.capKw()).isEqualTo(10_000);
        m.stepSeconds(1000, 1);
        assertThat(m.capKw()).isEqualTo(8000);
        m.stepSeconds(2000, 1);
        assertThat(m.capKw()).isEqualTo(10_000);
    }
}
