package io.plantd.controller.config;

/** The HTTP endpoint for /metrics, /healthz and /readyz. */
public record MetricsConfig(boolean enabled, String bind, int port) {
}
