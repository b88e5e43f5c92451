package io.plantd.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.MetricsConfig;
import io.plantd.drivers.point.Quality;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /healthz and /readyz through their transitions, with the monotonic clock under test control. */
class HealthEndpointTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final MetricsFixtures.Report report = new MetricsFixtures.Report();
    private PlantdMetrics metrics;
    private CycleHealth health;
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws Exception {
        metrics = new PlantdMetrics(MetricsFixtures.site(), "test");
        health = new CycleHealth(Duration.ofSeconds(1), nanos::get);
        server = MetricsHttpServer.start(new MetricsConfig(true, "127.0.0.1", 0), metrics, health, nanos::get);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void livenessFollowsTheCycleAndReadinessAlsoTheMeter() throws Exception {
        expect("/healthz", 503, "no control cycle has run yet");
        expect("/readyz", 503, "no control cycle has run yet");

        cycle(Quality.GOOD);
        expect("/healthz", 200, "ok");
        expect("/readyz", 200, "ok");

        advanceMillis(900);
        cycle(Quality.STALE);
        expect("/healthz", 200, "ok");
        expect("/readyz", 503, "site meter not fresh");

        advanceMillis(1000);
        cycle(Quality.GOOD);
        expect("/readyz", 200, "ok");

        advanceMillis(3000); // exactly three periods: still live
        expect("/healthz", 200, "ok");
        advanceMillis(1);
        expect("/healthz", 503, "more than 3 periods");
        expect("/readyz", 503, "more than 3 periods");

        cycle(Quality.GOOD);
        expect("/healthz", 200, "ok");
        expect("/readyz", 200, "ok");
    }

    @Test
    void notReadyUntilAGoodMeterReadingEvenThoughCyclesRun() throws Exception {
        cycle(Quality.MISSING);
        advanceMillis(1000);
        cycle(Quality.BAD);
        expect("/healthz", 200, "ok");
        expect("/readyz", 503, "no cycle with a good site meter yet");
        cycle(Quality.GOOD);
        expect("/readyz", 200, "ok");
    }

    private void cycle(Quality quality) {
        report.quality = quality;
        var built = report.build();
        health.onCycle(built);
        metrics.onCycle(built);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    private void expect(String path, int status, String bodyPart) throws Exception {
        HttpResponse<String> response = Http.get(server.port(), path);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(status);
        assertThat(response.body()).contains(bodyPart);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }
}
