package io.plantd.app.soak.wire;

import io.plantd.sim.Simulation;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.PlantModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's ground truth of every second over the cap, taken on the simulation thread: when
 * it happened, by how much, and whether any chiller could still have taken load off the grid.
 */
final class TruthWatch implements Simulation.StepObserver {
    record Excursion(long second, double overKw, boolean noEngineLeft) {
    }

    private final List<Excursion> excursions = new ArrayList<>();
    private long lastSecond = -1;

    @Override
    public void afterStep(Simulation sim) {
        long second = (long) Math.floor(sim.elapsedS());
        if (second == lastSecond) {
            return;
        }
        lastSecond = second;
        PlantModel m = sim.model();
        double over = m.siteKw() - m.capKw();
        if (over > 0) {
            excursions.add(new Excursion(second, over, noEngineLeft(m)));
        }
    }

    /** Every unit is fully on engine, or its engine cannot run (tripped, no gas, failed to start). */
    private static boolean noEngineLeft(PlantModel m) {
        for (ChillerModel c : m.chillers()) {
            boolean full = c.engineRunning() && c.engineShare() >= 0.99;
            boolean unable = c.faulted() || c.gasPressureLow() || c.engineStartFailed();
            if (!full && !unable) {
                return false;
            }
        }
        return true;
    }

    /** A copy; call under the simulator's lock ({@code SimulatorRunner.inspect}). */
    List<Excursion> excursions() {
        return List.copyOf(excursions);
    }
}
