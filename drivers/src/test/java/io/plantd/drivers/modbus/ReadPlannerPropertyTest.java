package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.holding;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReadPlannerPropertyTest {

    /** Whatever the layout, every point is read exactly once and no read breaks a rule. */
    @Property(tries = 300)
    void everyPlanObeysTheRules(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 300) Integer> addresses,
                                @ForAll @IntRange(min = 4, max = 125) int max,
                                @ForAll @IntRange(min = 0, max = 8) int hole,
                                @ForAll @IntRange(min = 0, max = 300) int gapAt) {
        AddressRange gap = new AddressRange(RegisterTable.HOLDING, gapAt, gapAt + 3);
        List<PointDef> points = new ArrayList<>();
        DataType[] types = DataType.values();
        for (int i = 0; i < addresses.size(); i++) {
            PointDef p = holding("p" + i, addresses.get(i), types[i % types.length]);
            if (!gap.overlaps(RegisterTable.HOLDING, p.modbus().address(), p.modbus().end())) {
                points.add(p);
            }
        }
        List<ReadRequest> r;
        try {
            r = new ReadPlanner(max, hole).plan(points, List.of(gap)).requests();
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("more than one read"); // only possible when overlaps chain too wide
            return;
        }
        assertThat(r.stream().flatMap(q -> q.points().stream())).containsExactlyInAnyOrderElementsOf(
                points.stream().map(PointDef::name).toList());
        for (ReadRequest q : r) {
            assertThat(q.count()).isBetween(1, max);
            assertThat(gap.overlaps(RegisterTable.HOLDING, q.start(), q.end())).isFalse();
            for (PointDef p : points) {
                boolean inside = p.modbus().address() < q.start() && p.modbus().end() > q.start();
                assertThat(inside).as("read %s starts inside %s", q, p.name()).isFalse();
            }
        }
    }
}
