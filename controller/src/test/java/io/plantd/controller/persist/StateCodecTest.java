package io.plantd.controller.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.state.PlantState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private final PlantState.Snapshot snapshot = PersistFixtures.withHistory(PersistFixtures.chillers("ch1", "ch2"))
            .snapshot();

    @Test
    void roundTripKeepsEveryPersistedField() throws Exception {
        Instant saved = Instant.ofEpochMilli(PersistFixtures.T0);
        StateCodec.Decoded d = StateCodec.decode(StateCodec.encode(snapshot, saved));
        assertThat(d.savedAt()).isEqualTo(saved);
        assertThat(d.snapshot()).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class)
                .isEqualTo(snapshot);
        assertThat(d.snapshot().chillers().get(0).startTimesMs()).hasSize(2);
        assertThat(d.snapshot().temporaryCapKw()).isEqualTo(8000);
    }

    @Test
    void unsetTimesAndNoCapAreNull() throws Exception {
        PlantState fresh = new PlantState(PersistFixtures.chillers("ch1"));
        String json = new String(StateCodec.encode(fresh.snapshot(), Instant.EPOCH), StandardCharsets.UTF_8);
        assertThat(json).contains("\"schema\" : 1").contains("\"temporaryCapKw\" : null")
                .contains("\"engineStartedAtMs\" : null").contains("\"commanded\" : null");
        PlantState.Snapshot back = StateCodec.decode(json.getBytes(StandardCharsets.UTF_8)).snapshot();
        assertThat(back.temporaryCapKw()).isNaN();
        assertThat(back.chillers().get(0).engineStartedAtMs()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectionsNameTheField() {
        String json = new String(StateCodec.encode(snapshot, Instant.EPOCH), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decode(json.replace("\"schema\" : 1", "\"schema\" : 2")))
                .hasMessageContaining("schema 2 is not supported");
        assertThatThrownBy(() -> decode(json.replace("\"role\" : \"CAP\"", "\"role\" : \"BOSS\"")))
                .hasMessageContaining("plant.chillers[0].role: 'BOSS' is not one of");
        assertThatThrownBy(() -> decode(json.replaceFirst("\"totalStarts\" : 2", "\"totalStarts\" : -2")))
                .hasMessageContaining("plant.chillers[0].totalStarts: -2 is negative");
        assertThatThrownBy(() -> decode(json.replaceFirst("\"lockoutReason\"", "\"lockoutWhy\"")))
                .hasMessageContaining("plant.chillers[0].lockoutReason: missing");
        assertThatThrownBy(() -> decode(json.replace("\"economicEnabled\" : true", "\"economicEnabled\" : \"yes\"")))
                .hasMessageContaining("plant.economicEnabled: expected true or false");
        assertThatThrownBy(() -> decode("")).hasMessageContaining("empty or corrupt");
        assertThatThrownBy(() -> decode(json + "{}")).hasMessageContaining("not valid JSON");
    }

    /** A file cut anywhere (torn write, full disk) is refused with a reason, never half-read. */
    @Property
    void everyTruncationIsRefused(@ForAll @IntRange(min = 0, max = 100_000) int cutSeed) {
        byte[] full = StateCodec.encode(snapshot, Instant.EPOCH);
        int cut = cutSeed % full.length;
        // trailing whitespace after the closing brace is the only harmless cut, and encode writes none
        assertThatThrownBy(() -> StateCodec.decode(Arrays.copyOf(full, cut)))
                .isInstanceOf(StateFileException.class).satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    /** Flipped bytes either still decode to a valid state or are refused: no other exception. */
    @Property
    void corruptedBytesNeverThrowAnythingElse(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                              @ForAll byte value) {
        byte[] bytes = StateCodec.encode(snapshot, Instant.EPOCH);
        bytes[at % bytes.length] = value;
        try {
            StateCodec.decode(bytes);
        } catch (StateFileException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void decode(String json) throws StateFileException {
        StateCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
