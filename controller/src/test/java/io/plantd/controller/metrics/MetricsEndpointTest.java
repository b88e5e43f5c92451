package io.plantd.controller.metrics;

import static io.plantd.controller.metrics.MetricsFixtures.CHILLERS;
import static io.plantd.controller.metrics.MetricsFixtures.DEVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.Quality;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scrapes a running endpoint over HTTP, fed with synthetic cycle reports, and checks every series. */
class MetricsEndpointTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private PlantdMetrics metrics;
    private CycleHealth health;
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws Exception {
        metrics = new PlantdMetrics(MetricsFixtures.site(), "1.2.3-test");
        health = new CycleHealth(Duration.ofSeconds(1), nanos::get);
        server = MetricsHttpServer.start(new MetricsConfig(true, "127.0.0.1", 0), metrics, health, nanos::get);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void everySeriesExistsBeforeTheFirstCycle() throws Exception {
        assertThat(server.port()).isPositive();
        PromText scrape = Http.scrape(server.port());

        assertThat(scrape.value("plantd_build_info", "version", "1.2.3-test")).isEqualTo(1);
        assertThat(scrape.value("plantd_cycle_duration_seconds_count")).isZero();
        assertThat(scrape.value("plantd_cycle_overruns_total")).isZero();
        assertThat(scrape.value("plantd_cycle_last_success_timestamp_seconds")).isNaN();
        for (String kind : List.of("site", "it", "cooling", "other")) {
            assertThat(scrape.value("plantd_site_power_watts", "kind", kind)).isNaN();
        }
        assertThat(scrape.value("plantd_site_cap_watts", "kind", "service")).isEqualTo(10_000_000);
        assertThat(scrape.value("plantd_site_cap_watts", "kind", "effective")).isNaN();
        assertThat(scrape.value("plantd_it_headroom_watts")).isNaN();
        for (String chiller : CHILLERS) {
            for (DriveMode mode : DriveMode.values()) {
                assertThat(scrape.value("plantd_chiller_drive_mode", "chiller", chiller, "mode", lower(mode))).isZero();
            }
            assertThat(scrape.value("plantd_chiller_power_watts", "chiller", chiller)).isNaN();
            assertThat(scrape.value("plantd_engine_starts_total", "chiller", chiller)).isZero();
            assertThat(scrape.value("plantd_engine_run_seconds_total", "chiller", chiller)).isZero();
            assertThat(scrape.value("plantd_engine_locked_out", "chiller", chiller)).isZero();
        }
        for (String device : DEVICES) {
            assertThat(scrape.samples("plantd_device_up").stream().filter(s -> s.label("device").equals(device)))
                    .singleElement().satisfies(s -> assertThat(s.value()).isZero());
            assertThat(scrape.value("plantd_device_poll_duration_seconds_count", "device", device)).isZero();
            for (PollErrorReason reason : PollErrorReason.values()) {
                assertThat(scrape.value("plantd_device_poll_errors_total", "device", device, "reason", reason.label()))
                        .isZero();
            }
        }
        assertThat(scrape.value("plantd_grid_event_level")).isZero();
        for (String command : List.of("override", "cap", "mode", "rebirth")) {
            for (CommandOutcome outcome : CommandOutcome.values()) {
                assertThat(scrape.value("plantd_commands_total", "command", command, "result", outcome.label()))
                        .isZero();
            }
        }
        assertThat(scrape.value("plantd_mqtt_connected")).isZero();
        assertThat(scrape.value("plantd_cap_exceeded_seconds_total")).isZero();
        assertThat(scrape.value("plantd_alarm_active", "alarm", "meter-stale")).isZero();
    }

    @Test
    void scrapeReflectsCyclesPollsAndCommands() throws Exception {
        MetricsFixtures.Report r = new MetricsFixtures.Report();
        // 10 calm cycles, ch1 on motor, ch2 on engine with 3 starts.
        for (int t = 0; t < 10; t++) {
            r.at(t).durationNanos = t == 5 ? 40_000_000 : 3_000_000;
            metrics.onCycle(r.build());
        }
        // 5 cycles above the 9,800 kW effective cap during a level-2 grid event; ch1 goes to engine.
        r.siteKw = 10_100;
        r.gridLevel = 2;
        r.ch1 = DriveMode.ENGINE;
        r.ch2Starts = 4;
        r.ch2RunSeconds = 7_205;
        r.overruns = 2;
        r.alarms = List.of(new Alarm("chiller-fault-ch2", Alarm.Severity.CRITICAL, "fault", r.at),
                new Alarm("engine-lockout-ch1", Alarm.Severity.WARNING, "locked", r.at));
        r.ch1Reason = Reason.ENGINE_LOCKED_OUT;
        for (int t = 10; t < 15; t++) {
            r.at(t).durationNanos = t == 14 ? 1_200_000_000 : 3_000_000;
            metrics.onCycle(r.build());
        }
        metrics.recordPoll("meter", 4_000_000, true, null);
        metrics.recordPoll("ch1-plc", 500_000_000, false, PollErrorReason.TIMEOUT);
        metrics.recordPoll("ch2-plc", 2_000_000, false, PollErrorReason.BAD_FRAME);
        metrics.recordPoll("ch2-plc", 0, false, PollErrorReason.CIRCUIT_OPEN);
        metrics.recordPoll("not-configured", 1_000_000, true, null);
        metrics.recordCommand("override", CommandOutcome.ACCEPTED);
        metrics.recordCommand("override", CommandOutcome.ACCEPTED);
        metrics.recordCommand("cap", CommandOutcome.DENIED);
        metrics.recordCommand("bogus", CommandOutcome.INVALID);
        metrics.setMqttConnected(true);

        PromText s = Http.scrape(server.port());

        assertThat(s.value("plantd_cycle_duration_seconds_count")).isEqualTo(15);
        assertThat(s.value("plantd_cycle_duration_seconds_bucket", "le", "0.005")).isEqualTo(13);
        assertThat(s.value("plantd_cycle_duration_seconds_bucket", "le", "0.05")).isEqualTo(14);
        assertThat(s.value("plantd_cycle_duration_seconds_bucket", "le", "2.0")).isEqualTo(15);
        assertThat(s.value("plantd_cycle_duration_seconds_sum")).isCloseTo(13 * 0.003 + 0.04 + 1.2, within(1e-9));
        assertThat(s.samples("plantd_cycle_duration_seconds_bucket")).hasSize(CycleMetrics.CYCLE_BUCKETS.length + 1);
        assertThat(s.value("plantd_cycle_overruns_total")).isEqualTo(2);
        assertThat(s.value("plantd_cycle_last_success_timestamp_seconds"))
                .isEqualTo(MetricsFixtures.T0.plusSeconds(14).getEpochSecond());

        assertThat(s.value("plantd_site_power_watts", "kind", "site")).isEqualTo(10_100_000);
        assertThat(s.value("plantd_site_power_watts", "kind", "it")).isEqualTo(6_000_000);
        assertThat(s.value("plantd_site_power_watts", "kind", "cooling")).isEqualTo(2_350_000);
        assertThat(s.value("plantd_site_power_watts", "kind", "other")).isEqualTo(150_000);
        assertThat(s.value("plantd_site_cap_watts", "kind", "service")).isEqualTo(10_000_000);
        assertThat(s.value("plantd_site_cap_watts", "kind", "effective")).isEqualTo(9_800_000);
        assertThat(s.value("plantd_it_headroom_watts")).as("negative while over the cap").isEqualTo(-300_000);
        assertThat(s.value("plantd_site_meter_fresh")).isEqualTo(1);
        // Cycles 10..14 were over the cap; each books the second since the cycle before it.
        assertThat(s.value("plantd_cap_exceeded_seconds_total")).isCloseTo(5.0, within(1e-9));

        assertThat(s.value("plantd_chiller_drive_mode", "chiller", "ch1", "mode", "engine")).isEqualTo(1);
        assertThat(s.value("plantd_chiller_drive_mode", "chiller", "ch1", "mode", "motor")).isZero();
        assertThat(s.value("plantd_chiller_drive_mode", "chiller", "ch2", "mode", "engine")).isEqualTo(1);
        assertThat(s.samples("plantd_chiller_drive_mode").stream().mapToDouble(PromText.Sample::value).sum())
                .as("exactly one mode per chiller").isEqualTo(CHILLERS.size());
        assertThat(s.value("plantd_chiller_power_watts", "chiller", "ch1")).isEqualTo(240_000);
        assertThat(s.value("plantd_engine_starts_total", "chiller", "ch2")).isEqualTo(4);
        assertThat(s.value("plantd_engine_run_seconds_total", "chiller", "ch2")).isEqualTo(7_205);
        assertThat(s.value("plantd_engine_run_budget_seconds", "chiller", "ch2")).isEqualTo(2000 * 3600.0);
        assertThat(s.value("plantd_engine_starts_per_hour_limit", "chiller", "ch2")).isEqualTo(4);
        assertThat(s.value("plantd_engine_locked_out", "chiller", "ch1")).isEqualTo(1);
        assertThat(s.value("plantd_engine_locked_out", "chiller", "ch2")).isZero();
        assertThat(s.samples("plantd_chiller_power_watts")).extracting(x -> x.label("chiller"))
                .as("label values only from configured ids").containsExactlyInAnyOrderElementsOf(CHILLERS);

        assertThat(s.value("plantd_grid_event_level")).isEqualTo(2);
        assertThat(s.value("plantd_grid_cap_limit_watts")).isEqualTo(9_000_000);
        assertThat(s.value("plantd_alarm_active", "alarm", "chiller-fault-ch2")).isEqualTo(1);
        assertThat(s.value("plantd_alarm_active", "alarm", "engine-lockout-ch1")).isEqualTo(1);
        assertThat(s.value("plantd_alarm_active", "alarm", "meter-stale")).isZero();
        assertThat(s.value("plantd_alarms_active", "severity", "critical")).isEqualTo(1);
        assertThat(s.value("plantd_alarms_active", "severity", "warning")).isEqualTo(1);

        assertThat(s.value("plantd_device_up", "device", "meter", "protocol", "modbus-tcp")).isEqualTo(1);
        assertThat(s.value("plantd_device_up", "device", "ch1-plc", "protocol", "modbus-rtu-over-tcp")).isZero();
        assertThat(s.value("plantd_device_up", "device", "ch2-plc", "protocol", "modbus-rtu")).isZero();
        assertThat(s.value("plantd_device_up", "device", "grid-gw", "protocol", "bacnet-ip")).isZero();
        assertThat(s.value("plantd_device_poll_duration_seconds_count", "device", "meter")).isEqualTo(1);
        assertThat(s.value("plantd_device_poll_duration_seconds_bucket", "device", "meter", "le", "0.005")).isEqualTo(1);
        assertThat(s.value("plantd_device_poll_duration_seconds_sum", "device", "ch1-plc")).isCloseTo(0.5, within(1e-9));
        assertThat(s.value("plantd_device_poll_duration_seconds_count", "device", "ch2-plc"))
                .as("a poll refused by the open breaker has no duration").isEqualTo(1);
        assertThat(s.value("plantd_device_poll_errors_total", "device", "ch1-plc", "reason", "timeout")).isEqualTo(1);
        assertThat(s.value("plantd_device_poll_errors_total", "device", "ch2-plc", "reason", "bad-frame")).isEqualTo(1);
        assertThat(s.value("plantd_device_poll_errors_total", "device", "ch2-plc", "reason", "circuit-open")).isEqualTo(1);
        assertThat(s.samples("plantd_device_up")).extracting(x -> x.label("device"))
                .containsExactlyInAnyOrderElementsOf(DEVICES);

        assertThat(s.value("plantd_commands_total", "command", "override", "result", "accepted")).isEqualTo(2);
        assertThat(s.value("plantd_commands_total", "command", "cap", "result", "denied")).isEqualTo(1);
        assertThat(s.value("plantd_commands_total", "command", "unknown", "result", "invalid")).isEqualTo(1);
        assertThat(s.value("plantd_mqtt_connected")).isEqualTo(1);
    }

    @Test
    void aStaleMeterStopsBookingCapTimeAndShowsInTheGauge() throws Exception {
        MetricsFixtures.Report r = new MetricsFixtures.Report();
        r.siteKw = 10_100;
        metrics.onCycle(r.at(0).build());
        metrics.onCycle(r.at(1).build());
        r.quality = Quality.STALE; // an old reading above the cap proves nothing about now
        metrics.onCycle(r.at(2).build());
        metrics.onCycle(r.at(3).build());

        PromText s = Http.scrape(server.port());
        assertThat(s.value("plantd_cap_exceeded_seconds_total")).isCloseTo(1.0, within(1e-9));
        assertThat(s.value("plantd_site_meter_fresh")).isZero();
    }

    @Test
    void totalsNeverGoDownWhenAReportCarriesASmallerCount() throws Exception {
        MetricsFixtures.Report r = new MetricsFixtures.Report();
        r.ch2Starts = 9;
        r.overruns = 5;
        metrics.onCycle(r.at(0).build());
        r.ch2Starts = 2;
        r.overruns = 1;
        metrics.onCycle(r.at(1).build());

        PromText s = Http.scrape(server.port());
        assertThat(s.value("plantd_engine_starts_total", "chiller", "ch2")).isEqualTo(9);
        assertThat(s.value("plantd_cycle_overruns_total")).isEqualTo(5);
    }

    @Test
    void servesOpenMetricsWhenAskedAndPrometheusTextOtherwise() throws Exception {
        HttpResponse<String> plain = Http.get(server.port(), "/metrics");
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");

        HttpResponse<String> om = Http.get(server.port(), "/metrics",
                "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(om.statusCode()).isEqualTo(200);
        assertThat(om.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(om.body()).endsWith("# EOF\n").contains("# TYPE plantd_build info\n")
                .contains("plantd_build_info{version=\"1.2.3-test\"} 1\n");
    }

    @Test
    void answersOnlyGetAndHeadOnKnownPaths() throws Exception {
        assertThat(Http.send(server.port(), "/metrics", "POST").statusCode()).isEqualTo(405);
        assertThat(Http.send(server.port(), "/metrics", "HEAD").statusCode()).isEqualTo(200);
        assertThat(Http.get(server.port(), "/metricsfoo").statusCode()).isEqualTo(404);
        assertThat(Http.get(server.port(), "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aReportTheMetersCannotTakeIsCountedNotThrownIntoTheLoop() throws Exception {
        var good = new MetricsFixtures.Report().build();
        var broken = new io.plantd.controller.cycle.CycleReport(2, good.at(), 1, 0, good.mode(), true, good.site(),
                null, good.chillers(), List.of(), List.of(), good.headroom());
        metrics.onCycle(broken);
        metrics.onCycle(broken);
        PromText s = Http.scrape(server.port());
        assertThat(s.value("plantd_metrics_update_errors_total")).isEqualTo(2);
    }

    @Test
    void aTakenPortIsReportedWithTheConfigKeys() {
        var taken = new MetricsConfig(true, "127.0.0.1", server.port());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricsHttpServer.start(taken, metrics, health))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("127.0.0.1:" + server.port()).hasMessageContaining("metrics.port");
    }

    private static String lower(DriveMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
