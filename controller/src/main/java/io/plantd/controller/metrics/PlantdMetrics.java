package io.plantd.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plantd.controller.config.SiteConfig;
import io.prometheus.metrics.core.metrics.Info;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * plantd's Prometheus registry with every series registered up front from the site config.
 * Register it as a {@link CycleListener}; pollers call {@link #recordPoll}, the MQTT side calls
 * {@link #recordCommand} and {@link #setMqttConnected}.
 */
public final class PlantdMetrics implements CycleListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlantdMetrics.class);
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CycleMetrics cycle;
    private final DeviceMetrics devices;
    private final NorthboundMetrics northbound;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter updateErrors;
    private final AtomicBoolean updateErrorLogged = new AtomicBoolean();

    public PlantdMetrics(SiteConfig config, String version) {
        // An Info metric on the underlying registry: Micrometer would strip the _info suffix from a gauge.
        Info buildInfo = Info.builder().name("plantd_build_info")
                .help("Always 1; the version label says which build runs").labelNames("version")
                .register(registry.getPrometheusRegistry());
        buildInfo.setLabelValues(version);
        // Two binder meters promtool's lint rejects: process.cpu.time has the abbreviated unit "ns",
        // system.cpu.count ends in the reserved "_count" suffix.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("system.cpu.count")));
        updateErrors = Counter.builder("plantd_metrics_update_errors")
                .description("Cycle reports the metrics could not take (a bug; control is unaffected)")
                .register(registry);
        cycle = new CycleMetrics(registry, config);
        devices = new DeviceMetrics(registry, config.devices());
        northbound = new NorthboundMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Runs on the control thread, so it must never throw into the loop: a report the meters cannot
     * digest is counted in {@code plantd_metrics_update_errors_total} and logged, and control goes on.
     */
    @Override
    public void onCycle(CycleReport report) {
        try {
            cycle.onCycle(report);
        } catch (RuntimeException e) {
            updateErrors.increment();
            if (updateErrorLogged.compareAndSet(false, true)) {
                LOG.warn("metrics could not take cycle report {} (further failures only counted)",
                        report == null ? "null" : report.sequence(), e);
            }
        }
    }

    /** One finished device poll; {@code reason} is ignored when {@code ok}. Safe from any thread. */
    public void recordPoll(String deviceId, long durationNanos, boolean ok, PollErrorReason reason) {
        devices.recordPoll(deviceId, durationNanos, ok, reason);
    }

    /** One external command and what became of it; unknown command names count as {@code unknown}. */
    public void recordCommand(String command, CommandOutcome outcome) {
        northbound.recordCommand(command, outcome);
    }

    public void setMqttConnected(boolean connected) {
        northbound.setMqttConnected(connected);
    }

    /** The content type to answer with for an HTTP {@code Accept} header: OpenMetrics when asked for. */
    public static String negotiate(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    }

    /** Writes every series in the given format ({@link #PROMETHEUS_TEXT} or {@link #OPENMETRICS_TEXT}). */
    public void scrape(OutputStream out, String contentType) throws IOException {
        registry.scrape(out, contentType);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
