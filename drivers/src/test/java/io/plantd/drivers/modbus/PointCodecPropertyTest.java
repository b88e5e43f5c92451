package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.def;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PointCodecPropertyTest {

    @Property
    void wordOrderIsAnInvolution(@ForAll long bits, @ForAll WordOrder order, @ForAll @IntRange(min = 1, max = 4) int n) {
        long masked = n == 4 ? bits : bits & ((1L << (16 * n)) - 1);
        int[] wire = WordOrders.toWire(masked, n, order);
        assertThat(WordOrders.toBigEndian(wire, 0, n, order)).isEqualTo(masked);
    }

    @Property
    void dcbaIsLittleEndian(@ForAll double value) {
        long bits = Double.doubleToRawLongBits(value);
        ByteBuffer le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).flip();
        int[] wire = new int[4];
        for (int i = 0; i < 4; i++) {
            wire[i] = Short.toUnsignedInt(le.order(ByteOrder.BIG_ENDIAN).getShort());
        }
        assertThat(WordOrders.toBigEndian(wire, 0, 4, WordOrder.DCBA)).isEqualTo(bits);
    }

    @Property
    void integerRegistersRoundTrip(@ForAll("integerTypes") DataType type, @ForAll WordOrder order, @ForAll long bits) {
        int n = type.registers();
        long masked = bits & ((1L << (16 * n)) - 1);
        Assume.that(PointCodec.sentinel(type, masked) == null);
        PointDef p = def("p", RegisterTable.HOLDING, 0, type, order, 1, 0, null, -1, true, Double.NaN, Double.NaN);
        int[] wire = WordOrders.toWire(masked, n, order);
        PointValue v = PointCodec.decode(p, wire, 0, 0, 0);
        assertThat(v.isGood()).isTrue();
        assertThat(PointCodec.encode(p, v.value(), 0)).containsExactly(wire);
    }

    @Property
    void floatsRoundTrip(@ForAll float value, @ForAll WordOrder order) {
        Assume.that(Float.isFinite(value));
        PointDef p = def("p", RegisterTable.HOLDING, 0, DataType.FLOAT32, order, 1, 0, null, -1, true,
                Double.NaN, Double.NaN);
        int[] wire = PointCodec.encode(p, value, 0);
        assertThat(PointCodec.decode(p, wire, 0, 0, 0).value()).isEqualTo((double) value);
    }

    @Property
    void doublesRoundTrip(@ForAll double value, @ForAll WordOrder order) {
        Assume.that(Double.isFinite(value));
        PointDef p = def("p", RegisterTable.HOLDING, 0, DataType.FLOAT64, order, 1, 0, null, -1, true,
                Double.NaN, Double.NaN);
        assertThat(PointCodec.decode(p, PointCodec.encode(p, value, 0), 0, 0, 0).value()).isEqualTo(value);
    }

    @Property
    void scaledValuesRoundTripWithinHalfAStep(@ForAll @IntRange(min = -30000, max = 30000) int raw,
                                              @ForAll @IntRange(min = -3, max = 3) int sf) {
        PointDef p = def("p", RegisterTable.HOLDING, 0, DataType.INT16, WordOrder.ABCD, 1, 0, null, -1, true,
                Double.NaN, Double.NaN);
        double value = PointCodec.decode(p, new int[] {raw & 0xFFFF}, 0, sf, 0).value();
        assertThat(PointCodec.encode(p, value, sf)).containsExactly(raw & 0xFFFF);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<DataType> integerTypes() {
        return net.jqwik.api.Arbitraries.of(DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32);
    }
}
