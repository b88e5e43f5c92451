package io.plantd.app.backtest;

/**
 * One strategy's result over one run.
 *
 * @param peakItUnderCapKw   the highest IT load served in a second when the site was within its cap
 * @param physicalLimitKw    the IT load that fits under the service capacity with every eligible
 *                           chiller's motor kW moved to engine (bounded by the cooling capacity)
 * @param maxStartsPerHour   most starts of any one unit in any rolling 60 minutes
 * @param maxStartsPerDay    most starts of any one unit in one local calendar day
 * @param maxUnitRunHours    engine hours of the unit that ran longest
 * @param decisions          drive-mode changes written
 * @param worstOvershootAtEpochS end of the second with the worst overshoot, −1 when never over
 * @param itKwh              IT energy served (the same for every strategy on one scenario)
 */
public record Score(
        String strategy,
        long seconds,
        long secondsOverCap,
        double kwhOverCap,
        double worstOvershootKw,
        double peakItUnderCapKw,
        double physicalLimitKw,
        int maxStartsPerHour,
        int maxStartsPerDay,
        long totalStarts,
        double maxUnitRunHours,
        double totalRunHours,
        int startsPerHourLimit,
        double runHourBudget,
        double electricityKwh,
        double electricityCost,
        double gasTherms,
        double gasCost,
        double co2Tonnes,
        long decisions,
        long unmetCoolingSeconds,
        double itKwh,
        long worstOvershootAtEpochS) {

    /** Peak IT served within the cap as a percentage of the physical limit. */
    public double pctOfPhysical() {
        return physicalLimitKw > 0 ? 100.0 * peakItUnderCapKw / physicalLimitKw : Double.NaN;
    }

    public boolean startsWithinLimits() {
        return maxStartsPerHour <= startsPerHourLimit && maxUnitRunHours <= runHourBudget;
    }
}
