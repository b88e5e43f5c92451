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
}
