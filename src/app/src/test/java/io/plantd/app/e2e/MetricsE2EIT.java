package io.plantd.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.app.soak.wire.DaemonProcess;
import io.plantd.controller.metrics.PromText;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.scenario.Scenario;
import io.plantd.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon's Prometheus endpoint, scraped over HTTP while it controls the simulated
 * heat-wave plant (10× time so a few wall seconds cover the first simulated minute): every DESIGN
 * §5 metric is present, parses strictly, and carries values that match the plant; /healthz and
 * /readyz answer 200, and /readyz turns 503 when the site meter goes stale.
 */
class MetricsE2EIT {
    private static final double TIME_SCALE = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> CHILLERS = List.of("ch1", "ch2", "ch3", "ch4");
    private static final List<String> DEVICES = List.of("meter", "grid", "ch1", "ch2", "ch3", "ch4");

    @TempDir
    Path folder;

    @Test
    void every_design_metric_is_scraped_with_sane_values_and_readiness_follows_the_meter() throws Exception {
        withDaemon((sim, daemon, port) -> {
            assertThat(status(port, "/healthz")).isEqualTo(200);
            // a few cycles on good data, so every counter and histogram has moved
            Thread.sleep(1500);
            double trueSiteKw = sim.inspect(s -> s.model().meter().siteKw());
            checkEveryMetric(scrape(port), trueSiteKw);

            // the meter stops answering → its points age past maxAge → not ready, but still live
            setMeterDropout(sim, true);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(status(port, "/readyz")).isEqualTo(503));
            assertThat(status(port, "/healthz")).as("the loop keeps running on a stale meter").isEqualTo(200);
            assertThat(scrape(port).value("plantd_device_up", "device", "meter", "protocol", "modbus-tcp")).isZero();

            setMeterDropout(sim, false);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(status(port, "/readyz")).isEqualTo(200));
        });
    }

    @Test
    void a_frozen_meter_makes_the_daemon_not_ready() throws Exception {
        withDaemon((sim, daemon, port) -> {
            // the meter keeps answering, but its values stop updating
            sim.inspect(s -> {
                s.model().meter().setFrozen(true);
                return null;
            });
            // 60 simulated seconds (twelve times the meter's 5 s max age) at 10x
            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(status(port, "/readyz"))
                            .as("/readyz with a meter frozen for up to 60 simulated seconds").isEqualTo(503));
        });
    }

    private interface WithDaemon {
        void run(SimulatorRunner sim, DaemonProcess daemon, int metricsPort) throws Exception;
    }

    /** Heat-wave at 10x with the metrics endpoint on; ready before {@code body}, SIGTERM → exit 0 after. */
    private void withDaemon(WithDaemon body) throws Exception {
        Scenario scenario = ScenarioLoader.load(E2eSite.scenario("heat-wave"));
        Instant anchor = Instant.now().plus(ScenarioRun.HOLD);
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(TIME_SCALE).withBasePort(0)
                .withLogEvery(Duration.ZERO).withStartAt(anchor);
        int port = freePort();
        try (SimulatorRunner sim = SimulatorRunner.start(scenario, options)) {
            Path site = E2eSite.write("heat-wave", sim.endpoints(), folder, OptionalInt.of(port));
            try (DaemonProcess daemon = PackagedPlantd.run(folder, site, TIME_SCALE, scenario.start(), anchor)) {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(status(port, "/readyz")).as(daemon.describe()).isEqualTo(200));
                body.run(sim, daemon, port);
                assertThat(PackagedPlantd.terminate(daemon, Duration.ofSeconds(15))).as(daemon.describe()).isZero();
            }
        }
    }

    private static void setMeterDropout(SimulatorRunner sim, boolean on) {
        sim.inspect(s -> {
            s.model().setDropout("meter", on);
            return null;
        });
    }

    private static void checkEveryMetric(PromText p, double trueSiteKw) {
        assertThat(p.value("plantd_build_info", "version", p.samples("plantd_build_info").get(0).label("version")))
                .isEqualTo(1.0);

        assertThat(p.family("plantd_cycle_duration_seconds").type).isEqualTo("histogram");
        double cycles = p.value("plantd_cycle_duration_seconds_count");
        assertThat(cycles).as("cycles run").isGreaterThan(10);
        assertThat(p.value("plantd_cycle_duration_seconds_sum") / cycles).as("mean cycle seconds").isBetween(0.0, 1.0);
        assertThat(p.value("plantd_cycle_overruns_total")).isGreaterThanOrEqualTo(0.0);
        // the daemon's clock is the simulator's (scenario start + 10 × elapsed wall time)
        assertThat(p.value("plantd_cycle_last_success_timestamp_seconds"))
                .isBetween((double) Instant.parse("2026-07-20T14:00:00Z").getEpochSecond(),
                        (double) Instant.parse("2026-07-20T15:00:00Z").getEpochSecond());

        double siteW = p.value("plantd_site_power_watts", "kind", "site");
        assertThat(siteW / 1000).as("site kW vs the simulator's meter").isCloseTo(trueSiteKw,
                org.assertj.core.data.Percentage.withPercentage(3));
        double itW = p.value("plantd_site_power_watts", "kind", "it");
        double coolingW = p.value("plantd_site_power_watts", "kind", "cooling");
        double otherW = p.value("plantd_site_power_watts", "kind", "other");
        assertThat(itW).isPositive().isLessThan(siteW);
        assertThat(coolingW).isPositive().isLessThan(siteW);
        assertThat(otherW).isGreaterThanOrEqualTo(0.0);
        assertThat(itW + coolingW + otherW).as("it + cooling + other = site").isCloseTo(siteW,
                org.assertj.core.data.Percentage.withPercentage(1));

        assertThat(p.value("plantd_site_cap_watts", "kind", "service")).isEqualTo(10_000_000.0);
        assertThat(p.value("plantd_site_cap_watts", "kind", "effective")).isEqualTo(9_800_000.0);
        assertThat(p.value("plantd_it_headroom_watts")).isBetween(0.0, 10_000_000.0);

        for (String c : CHILLERS) {
            double modesOn = p.samples("plantd_chiller_drive_mode").stream().filter(s -> c.equals(s.label("chiller")))
                    .mapToDouble(PromText.Sample::value).sum();
            assertThat(modesOn).as("%s is in exactly one drive mode", c).isEqualTo(1.0);
            assertThat(p.samples("plantd_chiller_drive_mode").stream().filter(s -> c.equals(s.label("chiller"))))
                    .allSatisfy(s -> assertThat(s.value()).isIn(0.0, 1.0));
            assertThat(p.value("plantd_chiller_power_watts", "chiller", c)).as(c).isBetween(1.0, 1_000_000.0);
            assertThat(p.value("plantd_engine_starts_total", "chiller", c)).isGreaterThanOrEqualTo(0.0);
            assertThat(p.value("plantd_engine_run_seconds_total", "chiller", c)).isGreaterThanOrEqualTo(0.0);
        }
        for (String d : DEVICES) {
            assertThat(p.value("plantd_device_up", "device", d, "protocol", "modbus-tcp")).as(d).isEqualTo(1.0);
            assertThat(p.samples("plantd_device_poll_duration_seconds_count").stream()
                    .filter(s -> d.equals(s.label("device"))).mapToDouble(PromText.Sample::value).sum())
                    .as("%s polls timed", d).isPositive();
            assertThat(p.samples("plantd_device_poll_errors_total").stream().filter(s -> d.equals(s.label("device"))))
                    .as("%s poll errors initialised", d).isNotEmpty();
        }
        assertThat(p.value("plantd_grid_event_level")).isEqualTo(0.0);
        assertThat(p.samples("plantd_commands_total")).as("command counters initialised").isNotEmpty()
                .allSatisfy(s -> assertThat(s.value()).isZero());
        assertThat(p.value("plantd_mqtt_connected")).as("MQTT is disabled in the sim site").isZero();
        assertThat(p.value("plantd_cap_exceeded_seconds_total")).isZero();
    }

    private static PromText scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = get(port, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return PromText.parse(r.body());
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        return get(port, path).statusCode();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
