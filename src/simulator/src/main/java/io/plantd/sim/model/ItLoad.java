package io.plantd.sim.model;

/** IT power as a function of time. Called with non-decreasing times (the simulation only moves forward). */
public interface ItLoad {
    double kwAt(double epochS);
}
