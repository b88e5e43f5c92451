package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import io.plantd.controller.mqtt.codec.CommandDecoder;
import io.plantd.controller.mqtt.codec.PayloadException;
import io.plantd.controller.mqtt.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Hostile MQTT commands through the real topic parser, decoder and {@link CommandHandler} (no
 * broker: they are pure apart from the outbox). Invariants: nothing throws; every command that
 * reaches the handler gets exactly one event with a reason; a payload the decoder refuses never
 * reaches the {@link CommandSink}; whatever does reach it is within the documented bounds.
 * Tries: jqwik's default (1000) in the suite; the long form sets {@code -Djqwik.tries.default}
 * (docs/reliability.md).
 */
class CommandHandlerFuzzTest {
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "fuzz";

    private final Topics topics = new Topics(SITE);
    private final CommandDecoder decoder = new CommandDecoder(Fixtures.CHILLERS, Fixtures.SERVICE_KW,
            Duration.ofHours(1), Duration.ofHours(24));
    private final List<Command> sunk = new ArrayList<>();
    private final Outbox outbox = new Outbox(100_000);
    private final CommandHandler handler = new CommandHandler(topics, decoder,
            new CommandAuthoriser(Map.of("bms", Set.of("override", "cap", "mode", "rebirth"), "viewer",
                    Set.of("rebirth"))),
            new CommandStats(), recordingSink(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2), outbox,
            new ReportPublisher(topics, outbox), Runnable::run);

    private CommandSink recordingSink() {
        return command -> {
            sunk.add(command);
            return CompletableFuture.completedFuture(CommandResult.accepted("ok", Optional.empty()));
        };
    }

    @Property
    void hostileCommandsAreRefusedWithAReasonAndNeverReachTheCycle(@ForAll("topics") String topic,
                                                                   @ForAll("payloads") byte[] payload,
                                                                   @ForAll boolean retained) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setRetained(retained);
        Optional<Topics.CommandTopic> parsed = topics.parseCommand(topic);
        if (parsed.isEmpty()) {
            return; // the northbound ignores topics outside cmd/{name}[/{principal}]
        }
        Topics.CommandTopic ct = parsed.get();
        handler.handle(topic, ct, message);

        List<JsonNode> events = drainEvents();
        if (retained && payload.length == 0 && !ct.principal().isEmpty()) {
            assertThat(events).as("a cleared retained command is not a command").isEmpty();
            assertThat(sunk).isEmpty();
            return;
        }
        assertThat(events).as("exactly one outcome per command").hasSize(1);
        JsonNode event = events.get(0);
        if (!event.get("ok").asBoolean()) {
            assertThat(event.get("reason").asText()).as("a refusal says why").isNotBlank();
        }
        boolean decodable = decodable(ct.name(), ct.principal(), payload);
        if (!decodable || retained || ct.principal().isEmpty()) {
            assertThat(sunk).as("malformed or unauthorised input reaches no sink").isEmpty();
            assertThat(event.get("ok").asBoolean()).isFalse();
        }
        for (Command c : sunk) {
            assertWithinBounds(c);
        }
        sunk.clear();
    }

    private boolean decodable(String name, String principal, byte[] payload) {
        try {
            decoder.decode(name, principal, payload, NOW);
            return true;
        } catch (PayloadException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }

    private static void assertWithinBounds(Command c) {
        Instant latest = NOW.plus(CommandDecoder.MAX_EXPIRY);
        if (c instanceof Command.Override o) {
            assertThat(Fixtures.CHILLERS).contains(o.chillerId());
            assertThat(o.mode()).isNotNull();
            if (o.expiresAt() != null) {
                assertThat(o.expiresAt()).isAfter(NOW).isBeforeOrEqualTo(latest);
            }
        } else if (c instanceof Command.TemporaryCap t) {
            assertThat(t.capKw()).isFinite().isPositive().isLessThan(Fixtures.SERVICE_KW);
            if (t.expiresAt() != null) {
                assertThat(t.expiresAt()).isAfter(NOW).isBeforeOrEqualTo(latest);
            }
        } else if (c instanceof Command.Mode m) {
            assertThat(m.mode().isPresent() || m.economicEnabled().isPresent()).isTrue();
        }
    }

    private List<JsonNode> drainEvents() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        outbox.flush(m -> {
            if (m.topic().equals(topics.event())) {
                try {
                    events.add(JSON.readTree(m.payload()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("event is not JSON", e);
                }
            }
            return true;
        });
        return events;
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> topics() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("override", "cap", "mode", "rebirth", "OVERRIDE",
                "", "+", "#", "cap\u0000"), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> principal = Arbitraries.oneOf(Arbitraries.of("bms", "viewer", "", "intruder", "bms/x"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> structured = Combinators.combine(name, principal)
                .as((n, p) -> topics.base() + "cmd/" + n + (p.isEmpty() && n.length() % 2 == 0 ? "" : "/" + p));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, structured),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20).map(s -> topics.base() + s)));
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> objects = Arbitraries.randomValue(CommandHandlerFuzzTest::randomObject)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = Combinators.combine(objects, Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes()).as((b, at, v) -> {
                    if (b.length > 0) {
                        b[at % b.length] = v;
                    }
                    return b;
                });
        Arbitrary<byte[]> huge = Arbitraries.integers().between(4000, 5000)
                .map(n -> ("{\"mode\":\"" + "A".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, raw), net.jqwik.api.Tuple.of(6, objects),
                net.jqwik.api.Tuple.of(2, mutated), net.jqwik.api.Tuple.of(1, huge));
    }

    private static final String[] FIELDS = {"chiller", "mode", "expiresInS", "expiresAt", "capKw", "economic",
        "extra", "CHILLER", ""};
    private static final String[] VALUES = {"\"ch1\"", "\"ch2\"", "\"ch9\"", "\"ENGINE\"", "\"MOTOR\"", "\"AUTO\"",
        "\"LOCAL\"", "\"MONITOR_ONLY\"", "\"engine\"", "\"\"", "0", "-1", "1", "0.5", "3600", "86400", "86401",
        "172800", "1e308", "1e999", "-0", "9999.999", "10000", "5000", "true", "false", "null", "[]", "{}",
        "\"2026-07-01T12:30:00Z\"", "\"2026-07-01T11:00:00Z\"", "\"2026-07-03T12:00:00Z\"", "\"not a time\"",
        "9223372036854775807", "\"\\u0000\"", "[\"ch1\"]", "{\"chiller\":\"ch1\"}"};

    /** A JSON object from command-like fields and tricky values; sometimes duplicated keys or broken tails. */
    private static String randomObject(Random r) {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(FIELDS[r.nextInt(FIELDS.length)]).append("\":").append(VALUES[r.nextInt(VALUES.length)]);
        }
        b.append('}');
        return switch (r.nextInt(12)) {
            case 0 -> b.substring(0, r.nextInt(b.length()));
            case 1 -> b + "garbage";
            case 2 -> "[" + b + "]";
            default -> b.toString();
        };
    }
}
