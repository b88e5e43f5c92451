package io.plantd.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointTableTest {
    private static final PointId A = PointId.of("meter", "site_power");
    private static final PointId B = PointId.of("ch1", "motor_power");

    @Test
    void refreshedSlotsAreSeenThroughAProcessImageByEqualIds() {
        PointTable table = new PointTable(List.of(A, B));
        ProcessImage image = new ProcessImage(1000, table);
        assertThat(table.containsKey(A)).isFalse();
        assertThat(image.get(A).quality()).isEqualTo(PointValue.missing("x").quality());

        table.set(0, PointValue.good(9100, "kW", 1000));
        table.set(1, PointValue.good(210, "kW", 1000));
        assertThat(image.get(PointId.of("meter", "site_power")).value()).isEqualTo(9100);
        assertThat(image.get(B).value()).isEqualTo(210);
        table.set(0, PointValue.good(9200, "kW", 2000));
        assertThat(image.get(A).value()).isEqualTo(9200);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.entrySet()).extracting(e -> e.getKey()).containsExactly(A, B);
        assertThat(table.get(PointId.of("meter", "other"))).isNull();
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> new PointTable(List.of(A, A))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
    }

    @Test
    void anEmptySlotIsFilledOnceByTheLoaderAndEveryInstanceOfAnIdFindsItsSlot() {
        List<PointId> ids = new java.util.ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (int p = 0; p < 13; p++) {
                ids.add(PointId.of("dev" + d, "point" + p));
            }
        }
        int[] loads = new int[ids.size()];
        PointTable table = new PointTable(ids, slot -> {
            loads[slot]++;
            return PointValue.good(slot, "", 1000);
        });
        java.util.Random rnd = new java.util.Random(4);
        for (int k = 0; k < 20_000; k++) {
            int slot = rnd.nextInt(ids.size());
            PointId asked = rnd.nextInt(3) == 0 ? ids.get(slot)
                    : PointId.of(ids.get(slot).device(), ids.get(slot).point());
            assertThat(table.get(asked).value()).isEqualTo(slot);
            assertThat(table.get(PointId.of(asked.device(), asked.point() + "x"))).isNull();
        }
        assertThat(loads).containsOnly(1);
        table.set(5, null);
        assertThat(table.get(ids.get(5)).value()).isEqualTo(5);
        assertThat(loads[5]).isEqualTo(2);
        assertThat(table.get("dev0/point0")).isNull();
        assertThat(table.get(null)).isNull();
        assertThat(table.containsKey(ids.get(90))).isTrue();
    }

    @Test
    void lookupsInTheOrderOfTheLastCycleOrInAnyOtherFindTheirSlot() {
        List<PointId> ids = new java.util.ArrayList<>();
        for (int p = 0; p < 40; p++) {
            ids.add(PointId.of("dev" + p % 5, "point" + p));
        }
        PointTable table = new PointTable(ids, slot -> PointValue.good(slot, "", 1000));
        java.util.Random rnd = new java.util.Random(9);
        List<PointId> order = new java.util.ArrayList<>(ids);
        for (int cycle = 0; cycle < 2_000; cycle++) {
            table.restartSequence();
            int change = rnd.nextInt(6);
            if (change == 0) {
                java.util.Collections.shuffle(order, rnd);
            } else if (change == 1) {
                order.set(rnd.nextInt(order.size()), PointId.of("dev1", "point" + rnd.nextInt(45)));
            } else if (change == 2 && order.size() > 5) {
                order.remove(rnd.nextInt(order.size()));
            } else if (change == 3) {
                order.add(rnd.nextInt(order.size()), ids.get(rnd.nextInt(ids.size())));
            }
            for (PointId asked : order) {
                int slot = ids.indexOf(asked);
                PointValue v = table.get(asked);
                if (slot < 0) {
                    assertThat(v).as("%s at cycle %d", asked, cycle).isNull();
                } else {
                    assertThat(v.value()).as("%s at cycle %d", asked, cycle).isEqualTo(slot);
                }
            }
        }
    }
}

