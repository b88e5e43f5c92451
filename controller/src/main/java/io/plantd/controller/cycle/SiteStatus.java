package io.plantd.controller.cycle;

import io.plantd.drivers.point.Quality;

/** The site's electrical picture in one cycle, in kW. */
public record SiteStatus(
        double siteKw,
        Quality siteQuality,
        double itKw,
        double coolingKw,
        double otherKw,
        double predictedKw,
        double serviceCapKw,
        double effectiveCapKw,
        double demandIntervalAvgKw,
        double curtailmentRequestKw) {
}
