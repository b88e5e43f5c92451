package io.plantd.controller.estimate;

import io.plantd.drivers.point.Quality;

/**
 * The site's electrical picture for one cycle. The forecast runs on the <em>base</em> load
 * (site minus the motor kW of the chillers plantd dispatches), so plantd's own switching never
 * looks like a load ramp; the policy adds each chiller's expected kW under its command back on
 * top, scaled by {@code coolingGrowth} (cooling follows IT: if the base is predicted 5 % higher,
 * so is each chiller's load). All kW; NaN where unknown.
 */
public record SiteEstimate(
        double siteKw,
        Quality siteQuality,
        double itKw,
        double coolingKw,
        double otherKw,
        double baseKw,
        Forecast baseForecast,
        double basePredictedKw,
        double coolingGrowth,
        double demandAverageKw,
        double demandProjectedKw,
        boolean meterGood) {
}
