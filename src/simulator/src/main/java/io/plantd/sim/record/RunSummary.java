package io.plantd.sim.record;

/**
 * Totals over a recorded run, against the physical cap in force each second.
 *
 * @param engineTonHours cooling delivered by engines (fuel ≈ 0.07 therm per ton-hour)
 * @param unmetTonHours  cooling the available chillers could not deliver
 */
public record RunSummary(
        long seconds,
        long secondsOverCap,
        double kwhOverCap,
        double worstOvershootKw,
        double maxSiteKw,
        double siteKwh,
        double motorKwh,
        double engineTonHours,
        double unmetTonHours) {
}
