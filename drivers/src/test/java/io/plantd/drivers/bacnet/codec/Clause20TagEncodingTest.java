package io.plantd.drivers.bacnet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The primitive encoding examples printed in ASHRAE 135 clause 20.2 (reproduced from the
 * standard's text). Each expected string is the standard's, never this encoder's output; each
 * case is both encoded and decoded.
 */
class Clause20TagEncodingTest {

    record Example(String clause, BacnetValue value, String hex) {
        @Override
        public String toString() {
            return clause + " " + value;
        }
    }

    static Stream<Example> applicationExamples() {
        return Stream.of(
                new Example("20.2.2 Null", BacnetValue.Null.INSTANCE, "00"),
                new Example("20.2.3 Boolean FALSE", new BacnetValue.BooleanValue(false), "10"),
                new Example("20.2.3 Boolean TRUE", new BacnetValue.BooleanValue(true), "11"),
                new Example("20.2.4 Unsigned 72", new BacnetValue.UnsignedValue(72), "21 48"),
                new Example("20.2.5 Signed 72", new BacnetValue.SignedValue(72), "31 48"),
                new Example("20.2.6 Real 72.0", new BacnetValue.RealValue(72.0f), "44 42900000"),
                new Example("20.2.7 Double 72.0", new BacnetValue.DoubleValue(72.0), "55 08 4052000000000000"),
                new Example("20.2.9 Character string UTF-8",
                        new BacnetValue.CharacterStringValue("This is a BACnet string!"),
                        "75 19 00 546869732069732061204241436E657420737472696E6721"),
                new Example("20.2.10 Bit string B'10101'",
                        new BacnetValue.BitStringValue(new boolean[] {true, false, true, false, true}), "82 03 A8"),
                new Example("20.2.11 Enumerated 0", new BacnetValue.EnumeratedValue(0), "91 00"),
                new Example("20.2.14 Object identifier binary-input 15",
                        new BacnetValue.ObjectIdentifierValue(new ObjectIdentifier(ObjectTypes.BINARY_INPUT, 15)),
                        "C4 00C0000F"),
                // The next examples are derived by hand from the clause 20.2.1 rules (not printed
                // in the standard): minimal-length contents and the two's-complement sign.
                new Example("derived: Unsigned 0", new BacnetValue.UnsignedValue(0), "21 00"),
                new Example("derived: Unsigned 256", new BacnetValue.UnsignedValue(256), "22 0100"),
                new Example("derived: Unsigned 4294967295", new BacnetValue.UnsignedValue(4294967295L), "24 FFFFFFFF"),
                new Example("derived: Signed -1", new BacnetValue.SignedValue(-1), "31 FF"),
                new Example("derived: Signed -129", new BacnetValue.SignedValue(-129), "32 FF7F"),
                new Example("derived: Signed 128", new BacnetValue.SignedValue(128), "32 0080"),
                new Example("derived: Bit string of 8 bits", new BacnetValue.BitStringValue(
                        new boolean[] {true, true, false, false, false, false, false, true}), "82 00 C1"),
                new Example("derived: empty character string", new BacnetValue.CharacterStringValue(""), "71 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationExamples")
    void encodesTheStandardsExample(Example example) {
        assertThat(Hex.of(new TagWriter().value(example.value()).toByteArray()))
                .isEqualTo(example.hex().replace(" ", "").toUpperCase());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationExamples")
    void decodesTheStandardsExample(Example example) {
        TagReader reader = new TagReader(Hex.bytes(example.hex()));
        assertThat(reader.readValue()).isEqualTo(example.value());
        assertThat(reader.hasMore()).isFalse();
    }

    @Test
    void contextTaggedExamplesOfClause20_2() {
        // 20.2.4: context tag 0, Unsigned 256 -> X'0A0100'
        assertThat(Hex.of(new TagWriter().contextUnsigned(0, 256).toByteArray())).isEqualTo("0A0100");
        // 20.2.5: context tag 5, Signed -72 -> X'59B8'
        assertThat(Hex.of(new TagWriter().contextSigned(5, -72).toByteArray())).isEqualTo("59B8");
        // 20.2.6: context tag 0, Real -33.3 -> X'0CC2053333'
        assertThat(Hex.of(new TagWriter().contextReal(0, -33.3f).toByteArray())).isEqualTo("0CC2053333");
        // 20.2.14: context tag 4, object identifier binary-input 15 -> X'4C00C0000F'
        assertThat(Hex.of(new TagWriter().contextObjectId(4, new ObjectIdentifier(3, 15)).toByteArray()))
                .isEqualTo("4C00C0000F");
        // 20.2.1.3.2: opening and closing tag 0 -> X'0E' X'0F'
        assertThat(Hex.of(new TagWriter().opening(0).closing(0).toByteArray())).isEqualTo("0E0F");

        TagReader r = new TagReader(Hex.bytes("0A0100 59B8 0CC2053333"));
        assertThat(r.readContextUnsigned(0)).isEqualTo(256);
        assertThat(r.readContextSigned(5)).isEqualTo(-72);
        Tag realTag = r.readTag();
        assertThat(realTag.isContext(0)).isTrue();
        assertThat(Float.intBitsToFloat((int) Long.parseLong(Hex.of(r.octets(4)), 16))).isEqualTo(-33.3f);
    }

    @Test
    void derivedContextBooleanExtendedTagAndExtendedLength() {
        // Derived by hand from 20.2.1: a context BOOLEAN carries one content octet (20.2.3).
        assertThat(Hex.of(new TagWriter().contextBoolean(3, true).toByteArray())).isEqualTo("3901");
        // Tag numbers above 14 use B'1111' and an extra octet (20.2.1.2): context tag 20, Unsigned 1.
        assertThat(Hex.of(new TagWriter().contextUnsigned(20, 1).toByteArray())).isEqualTo("F91401");
        assertThat(Hex.of(new TagWriter().opening(20).closing(20).toByteArray())).isEqualTo("FE14FF14");
        // Lengths above 253 use the X'FE' + 2-octet form (20.2.1.3.1): 299-octet string.
        byte[] encoded = new TagWriter().value(new BacnetValue.CharacterStringValue("x".repeat(299))).toByteArray();
        assertThat(Hex.of(java.util.Arrays.copyOf(encoded, 5))).isEqualTo("75FE012C00");

        TagReader r = new TagReader(Hex.bytes("F91401 FE14FF14"));
        assertThat(r.readContextUnsigned(20)).isEqualTo(1);
        r.expectOpening(20);
        r.expectClosing(20);
        assertThat(new TagReader(encoded).readValue())
                .isEqualTo(new BacnetValue.CharacterStringValue("x".repeat(299)));
    }

    @Test
    void rejectsMalformedContentInsteadOfGuessing() {
        assertThatThrownBy(() -> new TagReader(Hex.bytes("44 4290")).readValue())
                .isInstanceOf(BacnetCodecException.class).hasMessageContaining("declares 4 octets");
        assertThatThrownBy(() -> new TagReader(Hex.bytes("43 429099")).readValue())
                .isInstanceOf(BacnetCodecException.class).hasMessageContaining("expected 4");
        assertThatThrownBy(() -> new TagReader(Hex.bytes("D1 00")).readValue())
                .isInstanceOf(BacnetCodecException.class).hasMessageContaining("reserved application tag 13");
        assertThatThrownBy(() -> new TagReader(Hex.bytes("72 09 41")).readValue())
                .isInstanceOf(BacnetCodecException.class).hasMessageContaining("character set 9");
    }
}
