package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.controller.mqtt.Fixtures.RecordingSink;
import io.plantd.controller.mqtt.codec.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker goes away for a while ({@code -Dplantd.test.mqttOutageS}, default 5 s) and comes back
 * with nothing retained. Meanwhile reports keep arriving at the cycle's rate and are accepted without
 * waiting on the network; afterwards the client is reconnected, resubscribed and has republished.
 */
class MqttBrokerRestartTest {
    @RegisterExtension
    static final HiveMqBroker BROKER = new HiveMqBroker();
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("plantd.test.mqttOutageS", 5));

    @Test
    void publisherNeverBlocksAndEverythingComesBackAfterTheBrokerRestarts() throws Exception {
        String site = "restart";
        Topics topics = new Topics(site);
        RecordingSink sink = new RecordingSink();
        KillableSocketFactory sockets = new KillableSocketFactory();
        try (MqttNorthbound nb = new MqttNorthbound(
                Fixtures.settings(site, BROKER.url()).withSocketFactory(sockets), sink, Clock.systemUTC())) {
            nb.start();
            await().atMost(Duration.ofSeconds(15)).until(nb::connected);
            Instant t0 = Instant.now();
            long seq = 0;
            nb.onCycle(Fixtures.report(++seq, t0, 8_000));

            BROKER.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !nb.connected());

            // 10 cycles per second of outage: every call must hand over and return without waiting on I/O
            long maxCallNanos = 0;
            long cycles = OUTAGE.toSeconds() * 10;
            for (int i = 0; i < cycles; i++) {
                boolean alarm = i >= cycles / 2;
                long start = System.nanoTime();
                nb.onCycle(Fixtures.report(++seq, t0.plusSeconds(seq), 8_000 + seq,
                        alarm ? java.util.List.of(Fixtures.alarm("meter-stale", t0)) : java.util.List.of(),
                        java.util.List.of(Fixtures.change())));
                maxCallNanos = Math.max(maxCallNanos, System.nanoTime() - start);
                Thread.sleep(100);
            }
            System.out.printf("broker outage %d s: %d reports handed over, slowest onCycle %.3f ms, "
                    + "reports dropped %d%n", OUTAGE.toSeconds(), cycles, maxCallNanos / 1e6, nb.reportsDropped());
            // the connect timeout is 2 s: a call that waited on the network would take at least that long
            assertThat(Duration.ofNanos(maxCallNanos)).isLessThan(Duration.ofMillis(500));
            assertThat(nb.connected()).isFalse();

            // hold the daemon off until the watcher listens, so it can see the queued (non-retained) events
            sockets.refuseConnections(true);
            BROKER.start();
            long lastSeq = seq;
            try (BmsClient late = new BmsClient(BROKER.url(), "late-restart")) {
                late.subscribe(topics.base() + "#");
                late.subscribe(topics.base() + "cmd/+/bms/reply");
                sockets.refuseConnections(false);
                await().atMost(Duration.ofSeconds(20)).until(nb::connected);
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(late.last(topics.status())).map(BmsClient.Received::text).contains("online");
                    assertThat(late.last(topics.state())).map(r -> r.json().get("sequence").asLong()).contains(lastSeq);
                    assertThat(late.last(topics.headroom())).isPresent();
                    assertThat(late.last(topics.alarm("meter-stale"))).isPresent();
                });
                // resubscribed: a command after the restart is answered
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    late.publish(topics.command("rebirth", "bms"), "");
                    assertThat(late.last(topics.reply("rebirth", "bms"))).isPresent();
                });
                // the decisions made during the outage were queued and delivered as events
                assertThat(late.on(topics.event()).stream().filter(e -> e.json().get("type").asText().equals("decision")))
                        .hasSizeGreaterThanOrEqualTo((int) cycles);
            }
        }
    }
}
