package io.plantd.controller.estimate;

import io.plantd.drivers.point.Quality;

/** Site and IT meters from the frozen image. {@code siteKw} is NaN unless {@code siteQuality} is GOOD. */
public record SiteReading(double siteKw, Quality siteQuality, String siteReason, double itKw, boolean itMeasured) {
    public boolean siteGood() {
        return siteQuality == Quality.GOOD;
    }
}
