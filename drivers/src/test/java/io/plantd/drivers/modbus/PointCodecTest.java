package io.plantd.drivers.modbus;

import static io.plantd.drivers.modbus.TestPoints.def;
import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.limited;
import static io.plantd.drivers.modbus.TestPoints.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointCodecTest {

    private static PointValue decode(PointDef p, int... words) {
        return PointCodec.decode(p, words, 0, 0, 42L);
    }

    @ParameterizedTest(name = "float32 {0}")
    @CsvSource({
        // 123.456f = 0x42F6E979: A=42 B=F6 C=E9 D=79
        "ABCD, 0x42F6, 0xE979",
        "CDAB, 0xE979, 0x42F6",
        "BADC, 0xF642, 0x79E9",
        "DCBA, 0x79E9, 0xF642"})
    void float32InEveryOrder(WordOrder order, String w0, String w1) {
        PointDef p = point("f", RegisterTable.HOLDING, 0, DataType.FLOAT32, order);
        PointValue v = decode(p, Integer.decode(w0), Integer.decode(w1));
        assertThat(v.quality()).isEqualTo(Quality.GOOD);
        assertThat(v.value()).isEqualTo((double) 123.456f);
        assertThat(v.timestampMillis()).isEqualTo(42L);
        assertThat(PointCodec.encode(p, 123.456f, 0)).containsExactly(Integer.decode(w0), Integer.decode(w1));
    }

    @ParameterizedTest(name = "int32 {0}")
    @CsvSource({
        // -123456789 = 0xF8A432EB
        "ABCD, 0xF8A4, 0x32EB",
        "CDAB, 0x32EB, 0xF8A4",
        "BADC, 0xA4F8, 0xEB32",
        "DCBA, 0xEB32, 0xA4F8"})
    void int32InEveryOrder(WordOrder order, String w0, String w1) {
        PointDef p = point("i", RegisterTable.INPUT, 0, DataType.INT32, order);
        assertThat(decode(p, Integer.decode(w0), Integer.decode(w1)).value()).isEqualTo(-123456789.0);
    }

    @Test
    void sixteenBitTypes() {
        assertThat(decode(holding("a", 0, DataType.INT16), 0xFFFE).value()).isEqualTo(-2.0);
        assertThat(decode(holding("a", 0, DataType.UINT16), 0xFFFE).value()).isEqualTo(65534.0);
        assertThat(decode(point("a", RegisterTable.HOLDING, 0, DataType.INT16, WordOrder.BADC), 0xFEFF).value())
                .isEqualTo(-2.0);
        assertThat(decode(holding("b", 0, DataType.BOOL), 0).value()).isEqualTo(0.0);
        assertThat(decode(holding("b", 0, DataType.BOOL), 1).value()).isEqualTo(1.0);
        assertThat(decode(holding("u", 0, DataType.UINT32), 0xFFFF, 0xFFFE).value()).isEqualTo(4294967294.0);
    }

    @Test
    void scaleOffsetAndScaleFactor() {
        PointDef p = def("t", RegisterTable.HOLDING, 0, DataType.INT16, WordOrder.ABCD, 0.1, -40.0, null, -1,
                false, Double.NaN, Double.NaN);
        assertThat(decode(p, 650).value()).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
        PointDef w = holding("w", 0, DataType.INT16);
        assertThat(PointCodec.decode(w, new int[] {1234}, 0, -2, 0).value()).isEqualTo(12.34);
        assertThat(PointCodec.decode(w, new int[] {1234}, 0, 3, 0).value()).isEqualTo(1234000.0);
        assertThat(PointCodec.encode(w, 12.34, -2)).containsExactly(1234);
    }

    @Test
    void bitfieldsPickOneBit() {
        PointDef bit3 = def("run", RegisterTable.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 1, 0, null, 3,
                false, Double.NaN, Double.NaN);
        assertThat(decode(bit3, 0b1000).value()).isEqualTo(1.0);
        assertThat(decode(bit3, 0b0111).value()).isEqualTo(0.0);
        // a bitfield of an all-ones status word is a real value, not a sentinel
        assertThat(decode(bit3, 0xFFFF).quality()).isEqualTo(Quality.GOOD);
        assertThatThrownBy(() -> PointCodec.encode(bit3, 1, 0)).hasMessageContaining("one bit");
    }

    @Test
    void sentinelsAreBadNeverZero() {
        assertBad(decode(holding("a", 0, DataType.INT16), 0x8000), "0x8000");
        assertBad(decode(holding("a", 0, DataType.UINT16), 0xFFFF), "0xFFFF");
        assertBad(decode(holding("a", 0, DataType.INT32), 0x8000, 0x0000), "0x80000000");
        assertBad(decode(holding("a", 0, DataType.INT32), 0x7FFF, 0xFFFF), "0x7FFFFFFF");
        assertBad(decode(holding("a", 0, DataType.UINT32), 0xFFFF, 0xFFFF), "0xFFFFFFFF");
        assertBad(decode(holding("a", 0, DataType.UINT32), 0x8000, 0x0000), "0x80000000");
        assertBad(decode(holding("a", 0, DataType.FLOAT32), 0x7FC0, 0x0000), "not a number");
        assertBad(decode(holding("a", 0, DataType.FLOAT32), 0x7F80, 0x0000), "not a number");
        assertBad(decode(holding("a", 0, DataType.FLOAT64), 0x7FF8, 0, 0, 0), "not a number");
        // int32 -1 is a legitimate reading
        assertThat(decode(holding("a", 0, DataType.INT32), 0xFFFF, 0xFFFF).value()).isEqualTo(-1.0);
    }

    @Test
    void outsideLimitsIsBadAndWritesAreRefusedNotClamped() {
        PointDef p = limited(holding("p", 0, DataType.INT16), 0, 5000);
        assertBad(decode(p, 5001), "outside limits");
        assertBad(decode(p, 0xFFFF), "outside limits"); // -1
        assertThat(decode(p, 5000).isGood()).isTrue();
    }

    @Test
    void encodeRefusesWhatTheTypeCannotCarry() {
        assertThatThrownBy(() -> PointCodec.encode(holding("a", 0, DataType.INT16), 40000, 0))
                .hasMessageContaining("int16 range");
        assertThatThrownBy(() -> PointCodec.encode(holding("a", 0, DataType.UINT16), -1, 0))
                .hasMessageContaining("uint16 range");
        assertThatThrownBy(() -> PointCodec.encode(holding("a", 0, DataType.INT16), -32768, 0))
                .hasMessageContaining("sentinel");
        assertThatThrownBy(() -> PointCodec.encode(holding("a", 0, DataType.FLOAT32), Double.NaN, 0))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> PointCodec.encode(holding("a", 0, DataType.BOOL), 2, 0))
                .hasMessageContaining("0 or 1");
    }

    private static void assertBad(PointValue v, String reasonPart) {
        assertThat(v.quality()).isEqualTo(Quality.BAD);
        assertThat(v.value()).isNaN();
        assertThat(v.reason()).contains(reasonPart);
    }
}
