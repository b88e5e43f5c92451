package io.plantd.sim.scenario;

/** One action at {@code atS} seconds from the scenario start; {@code line} is where the file says so. */
public record TimelineEntry(double atS, Action action, int line) {
}
