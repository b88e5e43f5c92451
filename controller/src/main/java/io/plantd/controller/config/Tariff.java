package io.plantd.controller.config;

/**
 * Default prices and emission factors, used when the grid feed gives none. Gas is per therm
 * (100,000 Btu).
 */
public record Tariff(
        double electricityPerKwh,
        double gasPerTherm,
        double gridCo2KgPerKwh,
        double gasCo2KgPerTherm) {
}
