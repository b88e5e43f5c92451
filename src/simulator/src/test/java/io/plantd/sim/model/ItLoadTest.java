package io.plantd.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItLoadTest {
    static final double ORIGIN = 1_780_000_000 - (1_780_000_000 % 86400); // a UTC midnight

    ProfileItLoad profile(long seed) {
        return new ProfileItLoad(6000, 0.1, 20, 0.9, 0, 20, 0, new SpikeSpec(2, 100, 400, 60, 300), seed, ORIGIN);
    }

    @Test
    void sameSeedSameLoadWhateverTheStepSize() {
        ProfileItLoad a = profile(42);
        ProfileItLoad b = profile(42);
        ProfileItLoad c = profile(43);
        double[] fine = new double[86400];
        for (int i = 0; i < 86400 * 10; i++) {
            double v = a.kwAt(ORIGIN + i * 0.1);
            if (i % 10 == 0) {
                fine[i / 10] = v;
            }
        }
        boolean differs = false;
        for (int s = 0; s < 86400; s++) {
            assertThat(b.kwAt(ORIGIN + s)).isEqualTo(fine[s]);
            differs |= c.kwAt(ORIGIN + s) != fine[s];
        }
        assertThat(differs).isTrue();
    }

    @Test
    void peaksInTheEveningAndDipsBeforeDawnAndOnWeekends() {
        ProfileItLoad p = new ProfileItLoad(6000, 0.1, 20, 0.9, 0, 0, 0, SpikeSpec.NONE, 1, ORIGIN);
        double evening = p.kwAt(ORIGIN + 20 * 3600);
        double dawn = p.kwAt(ORIGIN + 6 * 3600);
        assertThat(evening).isCloseTo(6600, within(1.0));
        assertThat(dawn).isLessThan(0.95 * 6000);
        // find a Saturday after the origin
        double sat = ORIGIN;
        while (Math.floorMod((long) Math.floor(sat / 86400) + 3, 7L) != 5) {
            sat += 86400;
        }
        ProfileItLoad q = new ProfileItLoad(6000, 0.1, 20, 0.9, 0, 0, 0, SpikeSpec.NONE, 1, ORIGIN);
        assertThat(q.kwAt(sat + 20 * 3600)).isCloseTo(0.9 * 6600, within(1.0));
    }

    @Test
    void spikesAppearAtTheConfiguredRate() {
        ProfileItLoad p = new ProfileItLoad(6000, 0, 20, 1, 0, 0, 0, new SpikeSpec(2, 200, 200, 100, 100), 9, ORIGIN);
        int rising = 0;
        boolean in = false;
        for (int s = 0; s < 50 * 3600; s++) {
            boolean now = p.kwAt(ORIGIN + s) > 6100;
            if (now && !in) {
                rising++;
            }
            in = now;
        }
        assertThat(rising).isBetween(70, 130);
    }

    @Test
    void csvInterpolatesAndReportsBadRowsWithTheirLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("it.csv");
        Files.writeString(f, "seconds,it_kw\n0,1000\n100,2000\n");
        CsvItLoad csv = CsvItLoad.read(f, 500);
        assertThat(csv.kwAt(500)).isEqualTo(1000);
        assertThat(csv.kwAt(550)).isEqualTo(1500);
        assertThat(csv.kwAt(10_000)).isEqualTo(2000);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "0,1000\n100,abc\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvItLoad.read(bad, 0))
                .hasMessageContaining("bad.csv:2:");
    }
}
