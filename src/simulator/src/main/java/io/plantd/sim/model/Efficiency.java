package io.plantd.sim.model;

/**
 * Motor kW per ton of a water-cooled centrifugal chiller as a function of part load and outdoor
 * temperature. Design point: full load at {@link #DESIGN_OUTDOOR_C}. A light-load penalty and a
 * best point near 65 % load follow the usual part-load curve shape; every °C above design costs
 * 1.5 % (condenser water follows the weather), so a heat wave at 42 °C needs about 18 % more kW/ton.
 */
public final class Efficiency {
    public static final double DESIGN_OUTDOOR_C = 30.0;
    static final double PER_DEGREE = 0.015;

    private Efficiency() {
    }

    public static double kwPerTon(double designKwPerTon, double partLoad, double outdoorC) {
        double plr = Math.max(0.1, Math.min(1.0, partLoad));
        double partLoadFactor = 1.0 + 0.8 * (plr - 0.65) * (plr - 0.65) - 0.098;
        double tempFactor = 1.0 + PER_DEGREE * (outdoorC - DESIGN_OUTDOOR_C);
        tempFactor = Math.max(0.7, Math.min(1.6, tempFactor));
        return designKwPerTon * partLoadFactor * tempFactor;
    }
}
