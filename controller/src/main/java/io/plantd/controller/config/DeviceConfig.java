package io.plantd.controller.config;

/**
 * A field device: which profile describes it, how to reach it, how often to poll it, and which
 * bus (executor) it shares: devices on one serial line or gateway share one bus.
 */
public record DeviceConfig(String id, String profile, Connection connection, long pollPeriodMs, String bus) {
}
