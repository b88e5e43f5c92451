package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.controller.policy.OperatingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishHubTest {
    static CycleReport report(long seq) {
        return TestReports.report(seq, Instant.EPOCH.plusSeconds(seq), OperatingMode.AUTO, List.of(), List.of(), List.of());
    }

    /** A consumer that blocks on its first report until released. */
    static final class SlowListener implements CycleListener {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onCycle(CycleReport report) {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(report.sequence());
            events.add("cycle " + report.sequence());
        }

        @Override
        public void onShutdown() {
            events.add("shutdown");
        }
    }

    @Test
    void aStalledConsumerLosesTheOldestReportsNotTheNewestAndNeverBlocksTheCaller() throws Exception {
        SlowListener slow = new SlowListener();
        PublishHub hub = PublishHub.start("test", slow, 3);
        hub.onCycle(report(0));
        assertThat(slow.started.await(2, TimeUnit.SECONDS)).isTrue();
        for (long s = 1; s <= 10; s++) {
            hub.onCycle(report(s)); // returns although the consumer is stuck
        }
        assertThat(hub.dropped()).isEqualTo(7);
        slow.release.countDown();
        assertThat(hub.close(Duration.ofSeconds(2))).isTrue();
        assertThat(slow.seen).containsExactly(0L, 8L, 9L, 10L);
        assertThat(slow.events.get(slow.events.size() - 1)).isEqualTo("shutdown");
        assertThat(hub.delivered()).isEqualTo(4);
    }

    @Test
    void aThrowingConsumerIsCountedAndKeepsReceiving() {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        PublishHub hub = PublishHub.start("throwing", r -> {
            seen.add(r.sequence());
            if (r.sequence() == 1) {
                throw new IllegalStateException("broker gone");
            }
        }, 8);
        for (long s = 0; s < 4; s++) {
            hub.onCycle(report(s));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 4);
        assertThat(hub.failures()).isEqualTo(1);
        assertThat(hub.close(Duration.ofSeconds(2))).isTrue();
        assertThat(hub.close(Duration.ofSeconds(2))).isTrue();
        hub.onCycle(report(9));
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void closeGivesUpAfterItsTimeoutWhenTheConsumerHangs() throws Exception {
        SlowListener slow = new SlowListener();
        PublishHub hub = PublishHub.start("hung", slow, 2);
        hub.onCycle(report(0));
        assertThat(slow.started.await(2, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThat(hub.close(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        slow.release.countDown();
        assertThat(hub.close(Duration.ofSeconds(2))).isTrue();
        assertThat(slow.events).containsExactly("cycle 0", "shutdown");
    }
}
