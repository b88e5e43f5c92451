package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.def;
import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.profile.AddressRange;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {

    private static List<ReadRequest> plan(int max, int hole, List<PointDef> points, AddressRange... gaps) {
        return new ReadPlanner(max, hole).plan(points, List.of(gaps)).requests();
    }

    @Test
    void contiguousPointsBecomeOneRead() {
        List<ReadRequest> r = plan(125, 0, List.of(holding("a", 0, DataType.FLOAT32),
                holding("b", 2, DataType.INT16), holding("c", 3, DataType.FLOAT64)));
        assertThat(r).containsExactly(new ReadRequest(RegisterTable.HOLDING, 0, 7, List.of("a", "b", "c")));
    }

    @Test
    void holesSplitReadsUnlessAllowed() {
        List<PointDef> points = List.of(holding("a", 0, DataType.INT16), holding("b", 5, DataType.INT16));
        assertThat(plan(125, 0, points)).hasSize(2);
        assertThat(plan(125, 4, points)).containsExactly(new ReadRequest(RegisterTable.HOLDING, 0, 6, List.of("a", "b")));
    }

    @Test
    void neverBridgesADeclaredGap() {
        List<PointDef> points = List.of(holding("a", 0, DataType.INT16), holding("b", 5, DataType.INT16));
        assertThat(plan(125, 10, points, new AddressRange(RegisterTable.HOLDING, 2, 3)))
                .extracting(ReadRequest::start).containsExactly(0, 5);
        // a gap in another table does not matter
        assertThat(plan(125, 10, points, new AddressRange(RegisterTable.INPUT, 2, 3))).hasSize(1);
    }

    @Test
    void pointInsideAGapIsAProfileError() {
        assertThatThrownBy(() -> plan(125, 0, List.of(holding("a", 20, DataType.FLOAT32)),
                new AddressRange(RegisterTable.HOLDING, 21, 29)))
                .hasMessageContaining("point a").hasMessageContaining("gap 21..29");
    }

    @Test
    void splitsAtTheLimitWithoutCuttingAValue() {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(holding("f" + i, 2 * i, DataType.FLOAT32));
        }
        List<ReadRequest> r = plan(5, 0, points);
        assertThat(r).extracting(ReadRequest::start).containsExactly(0, 4, 8, 12, 16);
        assertThat(r).allSatisfy(q -> assertThat(q.count()).isEqualTo(4));
    }

    @Test
    void pointsSharingARegisterStayTogether() {
        PointDef word = holding("status", 10, DataType.UINT16);
        PointDef bit0 = def("run", RegisterTable.HOLDING, 10, DataType.UINT16, WordOrder.ABCD, 1, 0, null, 0, false,
                Double.NaN, Double.NaN);
        PointDef f = holding("f", 9, DataType.FLOAT32); // overlaps status
        List<ReadRequest> r = plan(2, 0, List.of(word, bit0, f));
        assertThat(r).containsExactly(new ReadRequest(RegisterTable.HOLDING, 9, 2, List.of("f", "status", "run")));
        assertThatThrownBy(() -> plan(1, 0, List.of(word, f))).hasMessageContaining("more than one read of 1");
    }

    @Test
    void tablesAreReadSeparatelyAndBitsUpTo2000() {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            points.add(point("c" + i, RegisterTable.COIL, i, DataType.BOOL, WordOrder.ABCD));
        }
        points.add(point("i", RegisterTable.INPUT, 0, DataType.INT16, WordOrder.ABCD));
        points.add(holding("h", 0, DataType.INT16));
        List<ReadRequest> r = plan(125, 0, points);
        assertThat(r).extracting(q -> q.table() + ":" + q.start() + "+" + q.count())
                .containsExactly("HOLDING:0+1", "INPUT:0+1", "COIL:0+2000", "COIL:2000+1");
        assertThat(r).extracting(ReadRequest::functionCode).containsExactly(3, 4, 1, 1);
    }

    @Test
    void printsAsATable() {
        ReadPlan p = new ReadPlanner(125, 0).plan(List.of(holding("a", 0, DataType.FLOAT32),
                point("b", RegisterTable.INPUT, 7, DataType.INT16, WordOrder.ABCD)), List.of());
        assertThat(p.toTable()).contains("holding", "03", "a").contains("input", "04", "b")
                .contains("2 request(s), 3 register(s) per poll");
    }
}
