package io.plantd.controller.config;

/**
 * Economic dispatch when the cap is not binding: run on engine when motor cost per hour exceeds
 * engine cost per hour (gas + maintenance − heat-recovery credit) by more than the deadband.
 */
public record EconomicSettings(
        boolean enabled,
        double deadbandPerHour,
        double heatRecoveryCreditPerHour) {
}
