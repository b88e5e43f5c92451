package io.plantd.controller.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemandIntervalTest {
    @Test
    void averagesTheCurrentIntervalAndRestartsAtItsBoundary() {
        DemandInterval d = new DemandInterval(900);
        double start = 1_780_000_200; // a multiple of 900
        assertThat(start % 900).isZero();
        for (int t = 0; t < 450; t++) {
            d.add(start + t, t < 225 ? 8000 : 10_000);
        }
        assertThat(d.averageKw()).isCloseTo(9000, within(10.0));
        // the rest of the interval at 10 000: projected (8000·225 + 10000·675) / 900 = 9500
        assertThat(d.projectedKw(start + 450, 10_000)).isCloseTo(9500, within(15.0));
        d.add(start + 900, 5000);
        d.add(start + 901, 5000);
        assertThat(d.averageKw()).isCloseTo(5000, within(1e-9));
    }
}
