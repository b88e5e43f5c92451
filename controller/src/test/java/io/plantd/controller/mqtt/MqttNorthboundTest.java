package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.plantd.controller.command.Command;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.mqtt.Fixtures.RecordingSink;
import io.plantd.controller.mqtt.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The northbound against a real MQTT 5 broker in this JVM, watched by an independent Paho client. */
class MqttNorthboundTest {
    @RegisterExtension
    static final HiveMqBroker BROKER = new HiveMqBroker();
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private final String site = "site" + SITES.incrementAndGet();
    private final Topics topics = new Topics(site);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
    }

    private MqttNorthbound northbound(NorthboundSettings settings) {
        MqttNorthbound nb = new MqttNorthbound(settings, sink, Clock.systemUTC());
        closeLater.add(nb);
        nb.start();
        await().atMost(WAIT).until(nb::connected);
        return nb;
    }

    private MqttNorthbound northbound() {
        return northbound(Fixtures.settings(site, BROKER.url()));
    }

    private BmsClient client(String id) throws Exception {
        BmsClient c = new BmsClient(BROKER.url(), id + "-" + site);
        closeLater.add(c);
        return c;
    }

    /** Subscribes and waits until the northbound's own subscriptions are live (a rebirth gets a reply). */
    private BmsClient bms() throws Exception {
        BmsClient bms = client("bms").subscribe(topics.base() + "#");
        await().atMost(WAIT).untilAsserted(() -> {
            bms.publish(topics.command("rebirth", "bms"), "{}");
            assertThat(bms.on(topics.reply("rebirth", "bms"))).isNotEmpty();
        });
        return bms;
    }

    @Test
    void retainedStateStatusInfoAndHeadroomReachALateSubscriber() throws Exception {
        MqttNorthbound nb = northbound();
        Instant at = Instant.now();
        nb.onCycle(Fixtures.report(7, at, 8_000));

        await().atMost(WAIT).untilAsserted(() -> {
            try (BmsClient late = new BmsClient(BROKER.url(), "late-" + site)) {
                late.subscribe(topics.base() + "#");
                await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                    assertThat(late.last(topics.status())).map(BmsClient.Received::text).contains("online");
                    assertThat(late.last(topics.state())).isPresent();
                    assertThat(late.last(topics.headroom())).isPresent();
                    assertThat(late.last(topics.info())).isPresent();
                    assertThat(late.last(topics.chillerState("ch2"))).isPresent();
                });
                BmsClient.Received state = late.last(topics.state()).orElseThrow();
                assertThat(state.retained()).isTrue();
                assertThat(state.userProperty("schema")).contains("plantd.v1");
                assertThat(state.properties().getMessageExpiryInterval()).isNotNull().isBetween(1L, 30L);
                JsonNode s = state.json();
                assertThat(s.get("sequence").asLong()).isEqualTo(7);
                assertThat(s.get("ts").asText()).isEqualTo(at.toString());
                assertThat(s.get("siteKw").asDouble()).isEqualTo(8000.0);
                assertThat(s.get("effectiveCapKw").asDouble()).isEqualTo(9500.0);
                assertThat(s.get("chillers")).hasSize(2);
                assertThat(s.get("grid").get("good").asBoolean()).isTrue();

                // headroom is the same signal as the state's, from the same cycle
                JsonNode h = late.last(topics.headroom()).orElseThrow().json();
                assertThat(h.get("itHeadroomKw")).isEqualTo(s.get("headroom").get("itHeadroomKw"));
                assertThat(h.get("validUntil")).isEqualTo(s.get("headroom").get("validUntil"));
                assertThat(h.get("horizonS").asLong()).isEqualTo(300);
                assertThat(h.get("itHeadroomKw").asDouble()).isEqualTo(9500 - 8050 + 400.0);

                JsonNode ch2 = late.last(topics.chillerState("ch2")).orElseThrow().json();
                assertThat(ch2.get("commanded").asText()).isEqualTo("ENGINE");
                assertThat(ch2.get("reason").asText()).isEqualTo("CAP_PREDICTED_EXCEEDED");
                JsonNode info = late.last(topics.info()).orElseThrow().json();
                assertThat(info.get("version").asText()).isEqualTo("0.1.0-test");
                assertThat(info.get("configHash").asText()).isEqualTo("cafe0123");
            }
        });
    }

    @Test
    void stateIsPublishedOnChangeOnlyAndDecisionsGoToEvents() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient bms = bms();
        Instant t0 = Instant.now();
        nb.onCycle(Fixtures.report(1, t0, 8_000));
        await().atMost(WAIT).until(() -> bms.on(topics.state()).size() >= 1);
        int before = bms.on(topics.state()).size();
        // same numbers one second later: no new state; changed numbers: a new state; 10 s later: republished
        nb.onCycle(Fixtures.report(2, t0.plusSeconds(1), 8_000));
        nb.onCycle(Fixtures.report(3, t0.plusSeconds(2), 8_000, List.of(), List.of(Fixtures.change())));
        nb.onCycle(Fixtures.report(4, t0.plusSeconds(3), 8_200));
        await().atMost(WAIT).until(() -> bms.last(topics.state()).map(r -> r.json().get("sequence").asLong())
                .orElse(0L) == 4);
        nb.onCycle(Fixtures.report(5, t0.plusSeconds(14), 8_200));
        await().atMost(WAIT).until(() -> bms.last(topics.state()).map(r -> r.json().get("sequence").asLong())
                .orElse(0L) == 5);
        List<Long> sequences = bms.on(topics.state()).stream().skip(before - 1)
                .map(r -> r.json().get("sequence").asLong()).toList();
        assertThat(sequences).containsExactly(1L, 4L, 5L);

        await().atMost(WAIT).untilAsserted(() -> assertThat(bms.on(topics.event()))
                .anySatisfy(e -> {
                    JsonNode j = e.json();
                    assertThat(e.retained()).isFalse();
                    assertThat(j.get("type").asText()).isEqualTo("decision");
                    assertThat(j.get("chiller").asText()).isEqualTo("ch2");
                    assertThat(j.get("to").asText()).isEqualTo("ENGINE");
                    assertThat(j.get("reason").asText()).isEqualTo("CAP_PREDICTED_EXCEEDED");
                }));
    }

    @Test
    void lastWillSaysOfflineWhenTheConnectionDiesAbruptlyThenOnlineAfterReconnect() throws Exception {
        KillableSocketFactory sockets = new KillableSocketFactory();
        MqttNorthbound nb = northbound(Fixtures.settings(site, BROKER.url()).withSocketFactory(sockets));
        BmsClient watcher = client("watch").subscribe(topics.status());
        await().atMost(WAIT).until(() -> watcher.last(topics.status()).map(BmsClient.Received::text)
                .orElse("").equals("online"));

        sockets.resetAll();

        await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.on(topics.status()))
                .extracting(BmsClient.Received::text).containsSubsequence("online", "offline", "online"));
        BmsClient.Received will = watcher.on(topics.status()).stream().filter(r -> r.text().equals("offline"))
                .findFirst().orElseThrow();
        assertThat(will.userProperty("schema")).contains("plantd.v1");
        await().atMost(WAIT).until(nb::connected);
    }

    @Test
    void onShutdownPublishesTheFinalReportThenOfflineAndNoWill() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient watcher = client("watch").subscribe(topics.status()).subscribe(topics.event());
        await().atMost(WAIT).until(() -> watcher.last(topics.status()).isPresent());
        io.plantd.controller.cycle.CommandChange posture = new io.plantd.controller.cycle.CommandChange("ch2",
                io.plantd.controller.policy.DriveMode.ENGINE, io.plantd.controller.policy.DriveMode.LOCAL, 0,
                io.plantd.controller.policy.Reason.SHUTDOWN_POSTURE, "SIGTERM");
        nb.onCycle(Fixtures.report(50, Instant.now(), 8_000, List.of(), List.of(posture)));
        nb.onShutdown();
        assertThat(nb.connected()).isFalse();
        await().atMost(WAIT).until(() -> watcher.last(topics.status()).map(BmsClient.Received::text)
                .orElse("").equals("offline"));
        List<String> order = watcher.all().stream().map(r -> r.topic().endsWith("event")
                ? r.json().get("reason").asText() : r.text()).toList();
        assertThat(order).containsSubsequence("SHUTDOWN_POSTURE", "offline");
        // a clean shutdown: exactly one offline (ours), not followed by the Will
        Thread.sleep(500);
        assertThat(watcher.on(topics.status())).extracting(BmsClient.Received::text).containsOnlyOnce("offline");
    }

    @Test
    void alarmIsRetainedWhileActiveAndClearedWithAnEmptyRetainedPayload() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient bms = bms();
        Instant t0 = Instant.now();
        String topic = topics.alarm("meter-stale");
        nb.onCycle(Fixtures.report(1, t0, 8_000, List.of(Fixtures.alarm("meter-stale", t0)), List.of()));
        await().atMost(WAIT).until(() -> bms.last(topic).isPresent());
        JsonNode alarm = bms.last(topic).orElseThrow().json();
        assertThat(alarm.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alarm.get("since").asText()).isEqualTo(t0.toString());

        try (BmsClient late = new BmsClient(BROKER.url(), "late-alarm-" + site)) {
            late.subscribe(topics.alarm("+"));
            await().atMost(WAIT).until(() -> late.last(topic).map(BmsClient.Received::retained).orElse(false));
        }

        nb.onCycle(Fixtures.report(2, t0.plusSeconds(1), 8_000));
        await().atMost(WAIT).until(() -> bms.last(topic).map(r -> r.payload().length == 0).orElse(false));
        assertThat(bms.on(topics.event())).extracting(r -> r.json().get("type").asText() + ":"
                + r.json().path("active").asText()).contains("alarm:true", "alarm:false");

        try (BmsClient late = new BmsClient(BROKER.url(), "late-clear-" + site)) {
            late.subscribe(topics.alarm("+"));
            late.subscribe(topics.state());
            await().atMost(WAIT).until(() -> late.last(topics.state()).isPresent());
            assertThat(late.on(topic)).as("a cleared alarm is no longer retained").isEmpty();
        }
    }

    @Test
    void validOverrideIsSubmittedAndAnsweredOnTheResponseTopicWithCorrelationData() throws Exception {
        northbound();
        BmsClient bms = bms();
        bms.subscribe("bms/replies/#");
        bms.publish(topics.command("override", "bms"), "{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":600}",
                "bms/replies/1", "corr-42".getBytes(StandardCharsets.UTF_8), false);
        bms.publish(topics.command("override", "bms"), "{\"chiller\":\"ch2\",\"mode\":\"LOCAL\"}",
                "bms/replies/1", "corr-43".getBytes(StandardCharsets.UTF_8), false);

        await().atMost(WAIT).until(() -> bms.on("bms/replies/1").size() == 2);
        for (BmsClient.Received r : bms.on("bms/replies/1")) {
            String corr = new String(r.properties().getCorrelationData(), StandardCharsets.UTF_8);
            JsonNode reply = r.json();
            assertThat(reply.get("ok").asBoolean()).isTrue();
            assertThat(r.retained()).isFalse();
            assertThat(reply.get("applied").asText()).isEqualTo(corr.equals("corr-42") ? "ch1 ENGINE" : "ch2 LOCAL");
            Instant validUntil = Instant.parse(reply.get("validUntil").asText());
            long expectedS = corr.equals("corr-42") ? 600 : 3600;
            assertThat(Duration.between(Instant.now(), validUntil).toSeconds()).isBetween(expectedS - 30, expectedS);
        }
        assertThat(sink.received).hasSize(2).first().isInstanceOfSatisfying(Command.Override.class, o -> {
            assertThat(o.principal()).isEqualTo("bms");
            assertThat(o.mode()).isEqualTo(Command.OverrideMode.ENGINE);
        });
    }

    @Test
    void everyCommandKindIsSubmittedWithoutAResponseTopicTheFallbackReplyIsUsed() throws Exception {
        MqttNorthbound nb = northbound();
        List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        nb.commandStats().addObserver((command, result) -> observed.add(command + "/" + result));
        BmsClient bms = bms();
        bms.publish(topics.command("cap", "bms"), "{\"capKw\":8000,\"expiresInS\":1800}");
        bms.publish(topics.command("mode", "bms"), "{\"mode\":\"MONITOR_ONLY\",\"economic\":false}");
        await().atMost(WAIT).until(() -> bms.last(topics.reply("cap", "bms")).isPresent()
                && bms.last(topics.reply("mode", "bms")).isPresent());
        assertThat(bms.last(topics.reply("cap", "bms")).orElseThrow().json().get("ok").asBoolean()).isTrue();
        assertThat(bms.last(topics.reply("mode", "bms")).orElseThrow().json().get("ok").asBoolean()).isTrue();
        assertThat(sink.received).anySatisfy(c -> assertThat(c).isEqualTo(
                new Command.Mode("bms", Optional.of(io.plantd.controller.policy.OperatingMode.MONITOR_ONLY),
                        Optional.of(false))));
        assertThat(sink.received).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Command.TemporaryCap.class,
                cap -> assertThat(cap.capKw()).isEqualTo(8000.0)));
        assertThat(nb.commandStats().count("cap", "accepted")).isEqualTo(1);
        assertThat(nb.commandStats().count("mode", "accepted")).isEqualTo(1);
        assertThat(observed).contains("cap/accepted", "mode/accepted");
        assertThat(nb.commandStats().snapshot()).hasSize(CommandStats.COMMANDS.size() * CommandStats.RESULTS.size());
    }

    @Test
    void badCommandsChangeNothingAndAreAnsweredWithTopicFieldAndReason() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient bms = bms();
        sink.received.clear();
        String override = topics.command("override", "bms");
        String[][] cases = {
                {"{\"chiller\":\"ch1\",", "malformed JSON"},
                {"{\"chiller\":\"ch1\",\"mode\":2}", "field 'mode': must be a string"},
                {"{\"chiller\":\"ch9\",\"mode\":\"ENGINE\"}", "field 'chiller': unknown chiller \"ch9\""},
                {"{\"chiller\":\"ch1\",\"mode\":\"TURBO\"}", "field 'mode': must be one of"},
                {"{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":90000}", "field 'expiresInS'"},
                {"{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                        "field 'expiresAt': already expired"},
                {"{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"force\":true}", "field 'force': unknown field"},
        };
        bms.subscribe("bms/bad");
        bms.subscribe("bms/bare");
        for (int i = 0; i < cases.length; i++) {
            bms.publish(override, cases[i][0], "bms/bad", ("c" + i).getBytes(StandardCharsets.UTF_8), false);
        }
        await().atMost(WAIT).until(() -> bms.on("bms/bad").size() == cases.length);
        for (BmsClient.Received r : bms.on("bms/bad")) {
            int i = Integer.parseInt(new String(r.properties().getCorrelationData(), StandardCharsets.UTF_8)
                    .substring(1));
            JsonNode reply = r.json();
            assertThat(reply.get("ok").asBoolean()).isFalse();
            assertThat(reply.get("reason").asText()).startsWith(override + ": ").contains(cases[i][1]);
            assertThat(reply.get("applied").asText()).isEmpty();
        }
        // too-high cap, unauthorised principal, unknown principal, retained command, no principal level
        bms.publish(topics.command("cap", "bms"), "{\"capKw\":12000,\"expiresInS\":60}");
        bms.publish(topics.command("override", "viewer"), "{\"chiller\":\"ch1\",\"mode\":\"ENGINE\"}");
        bms.publish(topics.command("mode", "mallory"), "{\"mode\":\"AUTO\"}");
        bms.publish(topics.command("mode", "bms"), "{\"mode\":\"AUTO\"}", null, null, true);
        bms.publish(topics.base() + "cmd/mode", "{\"mode\":\"AUTO\"}", "bms/bare", null, false);
        await().atMost(WAIT).until(() -> bms.last(topics.reply("cap", "bms")).isPresent()
                && bms.last(topics.reply("override", "viewer")).isPresent()
                && bms.last(topics.reply("mode", "mallory")).isPresent()
                && bms.last(topics.reply("mode", "bms")).isPresent()
                && bms.last("bms/bare").isPresent());
        assertThat(bms.last(topics.reply("cap", "bms")).orElseThrow().json().get("reason").asText())
                .contains("field 'capKw'").contains("service capacity");
        assertThat(bms.last(topics.reply("override", "viewer")).orElseThrow().json().get("reason").asText())
                .contains("principal 'viewer' may not send 'override'");
        assertThat(bms.last(topics.reply("mode", "mallory")).orElseThrow().json().get("reason").asText())
                .contains("principal 'mallory' may not send 'mode'");
        assertThat(bms.last(topics.reply("mode", "bms")).orElseThrow().json().get("reason").asText())
                .contains("must not be retained");
        assertThat(bms.last("bms/bare").orElseThrow().json().get("reason").asText()).contains("no principal level");
        // clean up the retained command so it does not linger on the broker
        bms.publish(topics.command("mode", "bms"), "", null, null, true);

        assertThat(sink.received).as("nothing invalid reached the controller").isEmpty();
        assertThat(nb.commandStats().count("override", "invalid")).isEqualTo(cases.length);
        assertThat(nb.commandStats().count("cap", "invalid")).isEqualTo(1);
        assertThat(nb.commandStats().count("override", "unauthorised")).isEqualTo(1);
        assertThat(nb.commandStats().count("mode", "unauthorised")).isEqualTo(2);
        assertThat(nb.commandStats().count("mode", "invalid")).isEqualTo(1);
        assertThat(bms.on(topics.event())).anySatisfy(e -> {
            assertThat(e.json().get("type").asText()).isEqualTo("command");
            assertThat(e.json().get("ok").asBoolean()).isFalse();
        });
    }

    @Test
    void aCommandTheCycleRefusesIsRepliedAsRefusedWithTheCyclesReason() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient bms = bms();
        sink.refuseChiller = "ch2";
        bms.publish(topics.command("override", "bms"), "{\"chiller\":\"ch2\",\"mode\":\"ENGINE\"}");
        await().atMost(WAIT).until(() -> bms.last(topics.reply("override", "bms")).isPresent());
        JsonNode reply = bms.last(topics.reply("override", "bms")).orElseThrow().json();
        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.get("reason").asText()).contains("locked out");
        assertThat(nb.commandStats().count("override", "refused")).isEqualTo(1);
    }

    @Test
    void aCommandTheCycleNeverConfirmsIsAnsweredAsTimeout() throws Exception {
        MqttNorthbound nb = northbound(Fixtures.settings(site, BROKER.url()).withCommandTimeout(Duration.ofSeconds(1)));
        BmsClient bms = bms();
        sink.neverAnswer = true;
        bms.publish(topics.command("cap", "bms"), "{\"capKw\":9000,\"expiresInS\":60}");
        await().atMost(WAIT).until(() -> bms.last(topics.reply("cap", "bms")).isPresent());
        JsonNode reply = bms.last(topics.reply("cap", "bms")).orElseThrow().json();
        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(reply.get("reason").asText()).contains("outcome unknown");
        assertThat(nb.commandStats().count("cap", "timeout")).isEqualTo(1);
    }

    @Test
    void rebirthRepublishesRetainedTopicsToTheAsker() throws Exception {
        MqttNorthbound nb = northbound();
        BmsClient bms = bms();
        nb.onCycle(Fixtures.report(1, Instant.now(), 8_000));
        await().atMost(WAIT).until(() -> bms.last(topics.state()).isPresent());
        int states = bms.on(topics.state()).size();
        int infos = bms.on(topics.info()).size();
        bms.publish(topics.command("rebirth", "viewer"), "");
        await().atMost(WAIT).until(() -> bms.on(topics.state()).size() > states && bms.on(topics.info()).size() > infos);
        assertThat(bms.last(topics.reply("rebirth", "viewer")).orElseThrow().json().get("ok").asBoolean()).isTrue();
        assertThat(sink.received).noneMatch(c -> c instanceof Command.Rebirth);
    }

    @Test
    void gridSignalFromATopicIsValidatedAndAgesOut() throws Exception {
        String gridTopic = "aggregator/" + site + "/grid";
        MqttNorthbound nb = northbound(Fixtures.settings(site, BROKER.url())
                .withGridTopic(gridTopic, Duration.ofSeconds(30)));
        BmsClient ven = bms();
        var feed = nb.gridFeed().orElseThrow();
        assertThat(feed.current(null, Instant.now()).good()).isFalse();

        Instant ts = Instant.now();
        ven.publish(gridTopic, "{\"level\":2,\"capLimitKw\":8500,\"priceElectricity\":0.31,\"priceGas\":0.05,"
                + "\"eventStart\":\"2026-07-01T14:00:00Z\",\"eventEnd\":\"2026-07-01T18:00:00Z\","
                + "\"frequencyHz\":59.9,\"outage\":false,\"ts\":\"" + ts + "\"}");
        await().atMost(WAIT).until(() -> feed.current(null, Instant.now()).good());
        GridStatus g = feed.current(null, Instant.now());
        assertThat(g.level()).isEqualTo(2);
        assertThat(g.capLimitKw()).contains(8500.0);
        assertThat(g.frequencyHz()).contains(59.9);
        assertThat(feed.current(null, ts.plusSeconds(31)).good()).as("older than max age").isFalse();

        ven.publish(gridTopic, "{\"level\":7,\"priceElectricity\":0.31,\"priceGas\":0.05,\"outage\":false}");
        await().atMost(WAIT).until(() -> ((MqttGridFeed) feed).rejectedTotal() == 1);
        assertThat(feed.current(null, Instant.now()).level()).as("a bad signal changes nothing").isEqualTo(2);
    }

    @Test
    void theFirstConnectIsRetriedWithBackoffUntilTheBrokerIsReachable() throws Exception {
        KillableSocketFactory sockets = new KillableSocketFactory();
        sockets.refuseConnections(true);
        MqttNorthbound nb = new MqttNorthbound(Fixtures.settings(site, BROKER.url()).withSocketFactory(sockets),
                sink, Clock.systemUTC());
        closeLater.add(nb);
        nb.start();
        // Paho's own automatic reconnect would never try again after a failed first connect
        await().atMost(WAIT).until(() -> sockets.attempts() >= 3);
        assertThat(nb.connected()).isFalse();
        nb.onCycle(Fixtures.report(5, Instant.now(), 7_500));
        sockets.refuseConnections(false);
        await().atMost(WAIT).until(nb::connected);
        BmsClient late = client("late").subscribe(topics.state());
        await().atMost(WAIT).until(() -> late.last(topics.state()).isPresent());
    }

    @Test
    void reportsBeforeTheFirstConnectArePublishedOnceConnected() throws Exception {
        MqttNorthbound nb = new MqttNorthbound(Fixtures.settings(site, BROKER.url()), sink, Clock.systemUTC());
        closeLater.add(nb);
        CycleReport r = Fixtures.report(99, Instant.now(), 7_000);
        nb.onCycle(r);
        nb.start();
        BmsClient late = client("late").subscribe(topics.state());
        await().atMost(WAIT).until(() -> late.last(topics.state()).map(m -> m.json().get("sequence").asLong())
                .orElse(0L) == 99);
    }
}
