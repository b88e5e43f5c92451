package io.plantd.drivers.bacnet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Decode(encode(x)) == x for every value and service the codec carries, and no crash on garbage. */
class CodecRoundTripPropertiesTest {

    @Provide
    Arbitrary<BacnetValue> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(BacnetValue.Null.INSTANCE),
                Arbitraries.of(true, false).map(BacnetValue.BooleanValue::new),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(BacnetValue.UnsignedValue::new),
                Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE).map(BacnetValue.SignedValue::new),
                Arbitraries.floats().map(BacnetValue.RealValue::new),
                Arbitraries.doubles().map(BacnetValue.DoubleValue::new),
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(BacnetValue.EnumeratedValue::new),
                Arbitraries.strings().ofMaxLength(300).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                        .map(BacnetValue.CharacterStringValue::new),
                Arbitraries.of(true, false).list().ofMaxSize(40).map(l -> {
                    boolean[] bits = new boolean[l.size()];
                    for (int i = 0; i < bits.length; i++) {
                        bits[i] = l.get(i);
                    }
                    return (BacnetValue) new BacnetValue.BitStringValue(bits);
                }),
                objectIds().map(BacnetValue.ObjectIdentifierValue::new));
    }

    @Provide
    Arbitrary<ObjectIdentifier> objectIds() {
        return Combinators.combine(Arbitraries.integers().between(0, 1023), Arbitraries.integers().between(0, 0x3FFFFF))
                .as(ObjectIdentifier::new);
    }

    @Provide
    Arbitrary<PropertyReference> references() {
        return Combinators.combine(objectIds(), Arbitraries.integers().between(0, 0x3FFFFF),
                Arbitraries.integers().between(-1, 70000)).as(PropertyReference::new);
    }

    @Property
    void everyValueSurvivesEncodeDecode(@ForAll("values") BacnetValue value) {
        byte[] encoded = new TagWriter().value(value).toByteArray();
        TagReader r = new TagReader(encoded);
        BacnetValue decoded = r.readValue();
        if (value instanceof BacnetValue.RealValue f && Float.isNaN(f.value())) {
            assertThat(decoded).isInstanceOfSatisfying(BacnetValue.RealValue.class, d -> assertThat(d.value()).isNaN());
        } else if (value instanceof BacnetValue.DoubleValue d && Double.isNaN(d.value())) {
            assertThat(decoded).isInstanceOfSatisfying(BacnetValue.DoubleValue.class, x -> assertThat(x.value()).isNaN());
        } else {
            assertThat(decoded).isEqualTo(value);
        }
        assertThat(r.hasMore()).isFalse();
    }

    @Property
    void contextTagsOfAnyNumberSurvive(@ForAll @IntRange(min = 0, max = 254) int tag,
                                       @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int value) {
        byte[] encoded = new TagWriter().opening(tag).contextUnsigned(tag, value).contextSigned(tag, -value).closing(tag)
                .toByteArray();
        TagReader r = new TagReader(encoded);
        r.expectOpening(tag);
        assertThat(r.readContextUnsigned(tag)).isEqualTo(value);
        assertThat(r.readContextSigned(tag)).isEqualTo(-value);
        r.expectClosing(tag);
        assertThat(r.hasMore()).isFalse();
    }

    @Property(tries = 300)
    void readPropertyMultipleSurvives(@ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("references") PropertyReference> refs,
                                      @ForAll("values") BacnetValue value) {
        assertThat(ReadPropertyMultiple.decodeRequest(ReadPropertyMultiple.encodeRequest(refs))).isEqualTo(refs);
        List<PropertyResult> results = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            results.add(i % 3 == 2 ? PropertyResult.error(refs.get(i), 2, 32)
                    : PropertyResult.ok(refs.get(i), List.of(value instanceof BacnetValue.RealValue
                    || value instanceof BacnetValue.DoubleValue ? BacnetValue.Null.INSTANCE : value)));
        }
        assertThat(ReadPropertyMultiple.decodeAck(ReadPropertyMultiple.encodeAck(results))).isEqualTo(results);
    }

    @Property
    void writePropertySurvives(@ForAll("references") PropertyReference ref, @ForAll @IntRange(min = 0, max = 16) int priority) {
        WriteProperty w = new WriteProperty(ref, List.of(new BacnetValue.RealValue(1.5f)),
                priority == 0 ? WriteProperty.NO_PRIORITY : priority);
        assertThat(WriteProperty.decode(w.encode())).isEqualTo(w);
    }

    @Property(tries = 500)
    void garbageNeverEscapesAsAnythingButACodecException(@ForAll @Size(max = 64) byte[] junk) {
        for (Runnable decode : List.<Runnable>of(
                () -> Apdu.decode(junk),
                () -> Npdu.decode(junk),
                () -> Bvlc.decode(junk, junk.length),
                () -> ReadPropertyMultiple.decodeAck(junk),
                () -> ReadProperty.decodeAck(junk),
                () -> WriteProperty.decode(junk),
                () -> IAm.decode(junk))) {
            try {
                decode.run();
            } catch (BacnetCodecException expected) {
                // refused with a reason: fine
            }
        }
    }

    @Property(tries = 50)
    void unsignedOutsideRangeIsRefusedWhenEncoding(@ForAll @net.jqwik.api.constraints.LongRange(min = 0x100000000L) long big) {
        assertThatThrownBy(() -> new TagWriter().contextUnsigned(0, big)).isInstanceOf(IllegalArgumentException.class);
    }
}
