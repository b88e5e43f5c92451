package io.plantd.controller.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.config.Tariff;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.policy.GridPoints;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.PointValue;
import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gateway feed reading a real PointStore snapshot, as the loop hands it over. */
class ModbusGatewayGridFeedTest {
    static final String GW = "grid-gw";
    static final long T0 = Instant.parse("2026-07-01T12:00:00Z").toEpochMilli();
    final PointStore store = new PointStore();
    final ModbusGatewayGridFeed feed = new ModbusGatewayGridFeed(GW, 10_000, new Tariff(0.12, 1.05, 0.4, 5.3));

    ModbusGatewayGridFeedTest() {
        for (String p : new String[] {GridPoints.EVENT_LEVEL, GridPoints.PRICE_ELECTRICITY, GridPoints.PRICE_GAS,
                GridPoints.OUTAGE, GridPoints.CAP_LIMIT, GridPoints.EVENT_START, GridPoints.EVENT_END}) {
            store.declare(PointId.of(GW, p), 60_000);
        }
    }

    void put(String point, double value, long atMillis) {
        store.put(PointId.of(GW, point), PointValue.good(value, "", atMillis));
    }

    void goodSignal(long at) {
        put(GridPoints.EVENT_LEVEL, 2, at);
        put(GridPoints.PRICE_ELECTRICITY, 0.45, at);
        put(GridPoints.PRICE_GAS, 1.2, at);
        put(GridPoints.OUTAGE, 0, at);
        put(GridPoints.CAP_LIMIT, 8000, at);
        put(GridPoints.EVENT_START, 1_782_914_400, at);
        put(GridPoints.EVENT_END, 0, at);
    }

    GridStatus at(long millis) {
        return feed.current(store.snapshot(millis), Instant.ofEpochMilli(millis));
    }

    @Test
    void normalisesAGoodSignal() {
        goodSignal(T0);
        GridStatus g = at(T0 + 500);
        assertThat(g.good()).isTrue();
        assertThat(g.level()).isEqualTo(2);
        assertThat(g.capLimitKw()).contains(8000.0);
        assertThat(g.priceElectricity()).isEqualTo(0.45);
        assertThat(g.priceGas()).isEqualTo(1.2);
        assertThat(g.eventStart()).contains(Instant.ofEpochSecond(1_782_914_400));
        assertThat(g.eventEnd()).isEmpty(); // 0 = none
        assertThat(g.frequencyHz()).isEmpty(); // not in this gateway's profile
        assertThat(g.outage()).isFalse();
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void olderThanMaxAgeIsNotGoodButKeepsTheLastGoodValues() {
        goodSignal(T0);
        at(T0);
        GridStatus stale = at(T0 + 10_001);
        assertThat(stale.good()).isFalse();
        assertThat(stale.level()).isEqualTo(2);
        assertThat(stale.capLimitKw()).contains(8000.0);
        assertThat(feed.problems()).anyMatch(p -> p.contains("event_level is 10001 ms old (max 10000 ms)"));

        goodSignal(T0 + 10_001);
        assertThat(at(T0 + 10_002).good()).isTrue();
    }

    @Test
    void aBadOrMissingPointOrAnImpossibleLevelMakesTheSignalNotGood() {
        goodSignal(T0);
        at(T0);
        store.put(PointId.of(GW, GridPoints.PRICE_GAS), PointValue.bad("", "sentinel 0x8000", T0 + 1));
        GridStatus g = at(T0 + 2);
        assertThat(g.good()).isFalse();
        assertThat(g.priceGas()).isEqualTo(1.2);
        assertThat(feed.problems()).containsExactly("price_gas is BAD (sentinel 0x8000)");

        put(GridPoints.PRICE_GAS, 1.3, T0 + 3);
        put(GridPoints.EVENT_LEVEL, 7, T0 + 3);
        GridStatus level7 = at(T0 + 4);
        assertThat(level7.good()).isFalse();
        assertThat(level7.level()).isEqualTo(2);
        assertThat(feed.problems()).containsExactly("event_level 7.0 is not a level 0..3");
    }

    @Test
    void neverReadFallsBackToTariffPricesAndLevelZeroFlaggedNotGood() {
        GridStatus g = at(T0);
        assertThat(g.good()).isFalse();
        assertThat(g.level()).isZero();
        assertThat(g.priceElectricity()).isEqualTo(0.12);
        assertThat(g.priceGas()).isEqualTo(1.05);
        assertThat(feed.problems()).anyMatch(p -> p.startsWith("event_level is MISSING"));
    }

    @Test
    void aDeclaredOptionalPointThatGoesBadIsAProblemToo() {
        goodSignal(T0);
        store.put(PointId.of(GW, GridPoints.CAP_LIMIT), PointValue.bad("kW", "timeout", T0));
        assertThat(at(T0 + 1).good()).isFalse();
        assertThat(feed.problems()).containsExactly("cap_limit is BAD (timeout)");
    }

    @Test
    void anUnchangedSignalReadsTheSameAndEveryFieldThatChangesShows() {
        java.util.Optional<Instant> start = java.util.Optional.of(Instant.ofEpochSecond(1_782_914_400));
        goodSignal(T0);
        GridStatus first = at(T0);
        GridStatus expected = new GridStatus(2, java.util.Optional.of(8000.0), 0.45, 1.2, start,
                java.util.Optional.empty(), java.util.Optional.empty(), false, true);
        assertThat(first).isEqualTo(expected);
        goodSignal(T0 + 1000);
        assertThat(at(T0 + 1000)).isEqualTo(expected);

        long t = T0 + 2000;
        put(GridPoints.EVENT_LEVEL, 3, t);
        expected = new GridStatus(3, expected.capLimitKw(), 0.45, 1.2, start, expected.eventEnd(),
                expected.frequencyHz(), false, true);
        assertThat(at(t)).isEqualTo(expected);
        put(GridPoints.CAP_LIMIT, 0, t);
        expected = new GridStatus(3, java.util.Optional.empty(), 0.45, 1.2, start, expected.eventEnd(),
                expected.frequencyHz(), false, true);
        assertThat(at(t)).isEqualTo(expected);
        put(GridPoints.PRICE_ELECTRICITY, 0.5, t);
        put(GridPoints.PRICE_GAS, 1.25, t);
        expected = new GridStatus(3, expected.capLimitKw(), 0.5, 1.25, start, expected.eventEnd(),
                expected.frequencyHz(), false, true);
        assertThat(at(t)).isEqualTo(expected);
        put(GridPoints.EVENT_START, 0, t);
        put(GridPoints.EVENT_END, 1_782_918_000, t);
        expected = new GridStatus(3, expected.capLimitKw(), 0.5, 1.25, java.util.Optional.empty(),
                java.util.Optional.of(Instant.ofEpochSecond(1_782_918_000)), expected.frequencyHz(), false, true);
        assertThat(at(t)).isEqualTo(expected);
        put(GridPoints.OUTAGE, 1, t);
        expected = new GridStatus(3, expected.capLimitKw(), 0.5, 1.25, expected.eventStart(), expected.eventEnd(),
                expected.frequencyHz(), true, true);
        assertThat(at(t)).isEqualTo(expected);
        store.declare(PointId.of(GW, GridPoints.FREQUENCY), 60_000);
        put(GridPoints.FREQUENCY, 59.5, t);
        expected = new GridStatus(3, expected.capLimitKw(), 0.5, 1.25, expected.eventStart(), expected.eventEnd(),
                java.util.Optional.of(59.5), true, true);
        assertThat(at(t)).isEqualTo(expected);

        // a bad cycle in between: not good, then the same values are good again
        store.put(PointId.of(GW, GridPoints.PRICE_GAS), PointValue.bad("", "timeout", t + 1));
        assertThat(at(t + 1).good()).isFalse();
        put(GridPoints.PRICE_GAS, 1.25, t + 2);
        assertThat(at(t + 2)).isEqualTo(expected);
    }

    @Test
    void aFractionalOrNegativeEpochIsAProblemAndOneBeyondInstantsRangeFailsTheCycle() {
        goodSignal(T0);
        put(GridPoints.EVENT_START, 1.5, T0);
        put(GridPoints.EVENT_END, -60, T0);
        assertThat(at(T0).good()).isFalse();
        assertThat(feed.problems()).containsExactly("event_start 1.5 is not an epoch second",
                "event_end -60.0 is not an epoch second");

        put(GridPoints.EVENT_START, 1_782_914_400, T0);
        put(GridPoints.EVENT_END, 3.2e16, T0); // a whole second, but after Instant.MAX
        assertThatThrownBy(() -> at(T0)).isInstanceOf(DateTimeException.class);
        put(GridPoints.EVENT_END, 1e300, T0);
        assertThatThrownBy(() -> at(T0)).isInstanceOf(DateTimeException.class);
    }
}
