package io.plantd.sim.model;

/**
 * Outdoor dry-bulb temperature: base + daily swing (peak mid-afternoon) + seasonal swing (peak
 * late July) + a scripted offset (heat waves).
 */
public record Weather(double baseC, double diurnalAmplitudeC, double peakHour, double seasonalAmplitudeC,
                      double utcOffsetH) {

    public static final Weather MILD = new Weather(24, 5, 15, 0, 0);

    public double celsiusAt(double epochS, double offsetC) {
        double localS = epochS + utcOffsetH * 3600.0;
        double hour = (localS % 86400.0) / 3600.0;
        double daily = diurnalAmplitudeC * Math.cos(2 * Math.PI * (hour - peakHour) / 24.0);
        double dayOfYear = (localS % (365.25 * 86400.0)) / 86400.0;
        double seasonal = seasonalAmplitudeC * Math.cos(2 * Math.PI * (dayOfYear - 205) / 365.25);
        return baseC + daily + seasonal + offsetC;
    }
}
