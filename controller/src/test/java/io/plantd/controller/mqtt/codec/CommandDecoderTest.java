package io.plantd.controller.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.policy.OperatingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandDecoderTest {
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    private final CommandDecoder decoder = new CommandDecoder(Set.of("ch1", "ch2"), 10_000, Duration.ofHours(1),
            Duration.ofHours(24));

    private Command decode(String name, String json) throws PayloadException {
        return decoder.decode(name, "bms", json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void overrideWithExpiresInS() throws Exception {
        assertThat(decode("override", "{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":600}"))
                .isEqualTo(new Command.Override("bms", "ch1", OverrideMode.ENGINE, NOW.plusSeconds(600)));
    }

    @Test
    void overrideWithExpiresAtOrTheDefault() throws Exception {
        assertThat(decode("override", "{\"chiller\":\"ch2\",\"mode\":\"LOCAL\",\"expiresAt\":\"2026-07-02T12:00:00Z\"}"))
                .isEqualTo(new Command.Override("bms", "ch2", OverrideMode.LOCAL, NOW.plus(Duration.ofHours(24))));
        assertThat(decode("override", "{\"chiller\":\"ch2\",\"mode\":\"AUTO\"}"))
                .isEqualTo(new Command.Override("bms", "ch2", OverrideMode.AUTO, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void capModeAndRebirth() throws Exception {
        assertThat(decode("cap", "{\"capKw\":8000.5,\"expiresInS\":1800}"))
                .isEqualTo(new Command.TemporaryCap("bms", 8000.5, NOW.plusSeconds(1800)));
        assertThat(decode("mode", "{\"mode\":\"MONITOR_ONLY\"}"))
                .isEqualTo(new Command.Mode("bms", Optional.of(OperatingMode.MONITOR_ONLY), Optional.empty()));
        assertThat(decode("mode", "{\"economic\":false}"))
                .isEqualTo(new Command.Mode("bms", Optional.empty(), Optional.of(false)));
        assertThat(decode("cap", "{\"clear\":true}")).isEqualTo(new Command.ClearTemporaryCap("bms"));
        assertThat(decode("rebirth", "")).isEqualTo(new Command.Rebirth("bms"));
        assertThat(decode("rebirth", "{}")).isEqualTo(new Command.Rebirth("bms"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\"                 | ''         | malformed JSON at line 1",
            "override | []                                                        | ''         | must be a JSON object",
            "override | {\"chiller\":\"ch1\",\"chiller\":\"ch2\",\"mode\":\"AUTO\"} | ''         | malformed JSON",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\"} {}             | ''         | malformed JSON",
            "override | ''                                                        | ''         | empty payload",
            "override | {\"mode\":\"ENGINE\"}                                      | chiller    | required",
            "override | {\"chiller\":7,\"mode\":\"ENGINE\"}                       | chiller    | must be a string, got number",
            "override | {\"chiller\":\"ch9\",\"mode\":\"ENGINE\"}                  | chiller    | unknown chiller \"ch9\"; known: ch1, ch2",
            "override | {\"chiller\":\"ch1\",\"mode\":\"engine\"}                  | mode       | must be one of AUTO, ENGINE, LOCAL, MOTOR",
            "override | {\"chiller\":\"ch1\",\"mode\":\"BLEND\"}                   | mode       | must be one of",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":\"60\"} | expiresInS | must be a whole number, got string",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":60.5} | expiresInS | must be a whole number",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":0}   | expiresInS | must be within 1..86400",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":86401} | expiresInS | must be within 1..86400",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresAt\":\"2026-07-01T11:59:59Z\"} | expiresAt | already expired",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresAt\":\"2026-07-02T12:00:01Z\"} | expiresAt | more than 86400 s ahead",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresAt\":\"tomorrow\"} | expiresAt | ISO-8601",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":60,\"expiresAt\":\"2026-07-01T13:00:00Z\"} | expiresAt | not both",
            "override | {\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"priority\":1}   | priority   | unknown field",
            "cap      | {\"capKw\":8000}                                           | expiresInS | a temporary cap must expire",
            "cap      | {\"capKw\":10000,\"expiresInS\":60}                        | capKw      | not below the service capacity",
            "cap      | {\"capKw\":0,\"expiresInS\":60}                            | capKw      | must be > 0",
            "cap      | {\"capKw\":-5,\"expiresInS\":60}                           | capKw      | must be > 0",
            "cap      | {\"capKw\":\"8000\",\"expiresInS\":60}                     | capKw      | must be a number",
            "cap      | {\"capKw\":8000,\"expiresInS\":90000}                      | expiresInS | must be within",
            "cap      | {\"clear\":false}                                         | clear      | only true is meaningful",
            "cap      | {\"clear\":\"yes\"}                                       | clear      | must be true or false",
            "cap      | {\"clear\":true,\"capKw\":8000}                          | capKw      | not with clear",
            "cap      | {\"clear\":true,\"expiresInS\":60}                       | expiresInS | not with clear",
            "mode     | {}                                                        | mode       | give mode",
            "mode     | {\"mode\":\"MANUAL\"}                                      | mode       | must be one of AUTO, MONITOR_ONLY",
            "mode     | {\"economic\":\"yes\"}                                     | economic   | must be true or false",
            "rebirth  | {\"now\":true}                                             | now        | unknown field",
            "reboot   | {}                                                        | ''         | unknown command 'reboot'",
    })
    void refusedWithFieldAndReason(String name, String json, String field, String reason) {
        assertThatThrownBy(() -> decode(name, json))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(reason);
    }

    @Test
    void truncatedJsonNamesThePositionWithoutTheParsersSourceNote() {
        assertThatThrownBy(() -> decode("override", "{\"chiller\":\"ch1\",\"mode\":\"ENGINE\""))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("malformed JSON at line 1, column 33: Unexpected end-of-input: expected close marker for Object")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("start marker");
    }

    @Test
    void oversizedPayloadIsRefusedBeforeParsing() {
        byte[] big = new byte[CommandDecoder.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> decoder.decode("override", "bms", big, NOW)).hasMessageContaining("exceeds");
    }

    @Test
    void expiryBoundsBeyond24HoursOrADefaultAboveTheMaximumAreConfigurationErrors() {
        assertThatThrownBy(() -> new CommandDecoder(Set.of(), 1, Duration.ofHours(1), Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandDecoder(Set.of(), 1, Duration.ofHours(3), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiteMayAllowShorterOverridesButCapsStillLastUpTo24Hours() throws Exception {
        CommandDecoder strict = new CommandDecoder(Set.of("ch1"), 10_000, Duration.ofMinutes(30), Duration.ofHours(2));
        byte[] long3h = "{\"chiller\":\"ch1\",\"mode\":\"MOTOR\",\"expiresInS\":10800}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> strict.decode("override", "bms", long3h, NOW)).hasMessageContaining("1..7200 s");
        byte[] cap3h = "{\"capKw\":9000,\"expiresInS\":10800}".getBytes(StandardCharsets.UTF_8);
        assertThat(strict.decode("cap", "bms", cap3h, NOW)).isInstanceOf(Command.TemporaryCap.class);
        byte[] noExpiry = "{\"chiller\":\"ch1\",\"mode\":\"MOTOR\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(((Command.Override) strict.decode("override", "bms", noExpiry, NOW)).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    /** Whatever bytes arrive, the decoder either returns a command or names why not: it never throws anything else. */
    @Property(tries = 500)
    void arbitraryPayloadsNeverEscapeAsOtherExceptions(@ForAll byte[] payload, @ForAll("names") String name) {
        try {
            Command c = decoder.decode(name, "bms", payload, NOW);
            assertThat(c.principal()).isEqualTo("bms");
        } catch (PayloadException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of("override", "cap", "mode", "rebirth", "x");
    }
}
