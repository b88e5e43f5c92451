package io.plantd.controller.estimate;

import io.plantd.controller.config.SiteConfig;

/**
 * Current values and the prediction at now + horizon (see {@link SiteEstimate}). Keeps the
 * base-load history and the demand interval between cycles; allocation is one record per cycle.
 */
public final class PlantEstimator {
    private static final double MAX_GROWTH = 2.0;

    private final LoadForecaster forecaster;
    private final DemandInterval demand;
    private final double otherLoadKw;

    public PlantEstimator(SiteConfig config) {
        double window = Math.max(60, config.control().predictionWindowS());
        double period = Math.max(0.1, config.control().periodMs() / 1000.0);
        this.forecaster = new LoadForecaster(window, period, config.control().spikeSpanS(),
                config.control().spikeMemoryS());
        this.demand = new DemandInterval(Math.max(1, config.site().demandIntervalS()));
        this.otherLoadKw = config.meters().otherLoadKw();
    }

    /**
     * @param readings chiller readings; stale ones count as uncontrolled (their kW stays in the base)
     */
    public SiteEstimate estimate(SiteReading site, ChillerReading[] readings, long nowMs, double horizonS) {
        double nowS = nowMs / 1000.0;
        double cooling = 0;
        double controlled = 0;
        for (ChillerReading r : readings) {
            cooling += r.motorKw();
            if (!r.stale()) {
                controlled += r.motorKw();
            }
        }
        boolean good = site.siteGood();
        double base = Double.NaN;
        if (good) {
            base = site.siteKw() - controlled;
            forecaster.add(nowS, base);
            demand.add(nowS, site.siteKw());
        }
        Forecast f = forecaster.forecast(nowS, horizonS);
        double basePredicted = good ? f.predictedKw() : Double.NaN;
        double growth = 1;
        if (good && base > 0 && basePredicted > base) {
            growth = Math.min(MAX_GROWTH, basePredicted / base);
        }
        double it;
        double other;
        if (site.itMeasured()) {
            it = site.itKw();
            other = good ? site.siteKw() - it - cooling : otherLoadKw;
        } else {
            other = otherLoadKw;
            it = good ? site.siteKw() - cooling - other : Double.NaN;
        }
        double demandAvg = demand.averageKw();
        double projected = good ? demand.projectedKw(nowS, basePredicted + controlled * growth) : Double.NaN;
        return new SiteEstimate(good ? site.siteKw() : Double.NaN, site.siteQuality(), it, cooling, other, base, f,
                basePredicted, growth, demandAvg, projected, good);
    }
}
