package io.plantd.controller.policy;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One random plant and load trace, fully determined by a seed: 1–8 chillers of mixed sizes,
 * limits and blend support; a load that drifts, steps and spikes; engines that fail to start,
 * trip, lose gas or fault; occasional grid events. Records what every unit really was each
 * cycle so the properties can judge the controller independently of its own report.
 */
final class RandomPlantRun {
    final Harness harness;
    final List<Truth[]> truth = new ArrayList<>();
    final int n;

    record Truth(boolean ready, boolean gasLow, boolean fault) {
    }

    RandomPlantRun(long seed, int chillers, int seconds) {
        Random rnd = new Random(seed);
        TestSite site = TestSite.site();
        site.releaseDelayS = 60 + rnd.nextInt(600);
        site.serviceKw = 10_000;
        double[] sizes = {150, 200, 400, 500};
        for (int i = 0; i < chillers; i++) {
            EngineLimits limits = TestSite.limits(120 + rnd.nextInt(280), 300 + rnd.nextInt(900),
                    60 + rnd.nextInt(840), 1 + rnd.nextInt(4), rnd.nextInt(10) == 0 ? 0 : 4000, 600 + rnd.nextInt(1200));
            site.chillers.add(new ChillerConfig("ch" + (i + 1), "ch" + (i + 1) + "-dev", sizes[rnd.nextInt(sizes.length)],
                    0.5 + rnd.nextDouble() * 0.3, rnd.nextBoolean(), limits));
        }
        this.n = chillers;
        harness = new Harness(site.build());
        for (FakePlant.Unit u : harness.plant.units.values()) {
            u.trueLeadS = 0.5 * u.cfg.engine().leadTimeS() + rnd.nextDouble() * 0.6 * u.cfg.engine().leadTimeS();
            u.failsToStart = rnd.nextInt(6) == 0;
            u.loadTons = u.cfg.capacityTons() * (0.4 + rnd.nextDouble() * 0.6);
        }
        harness.plant.otherKw = 300;
        double it = 7000 + rnd.nextDouble() * 3000;
        double drift = 0;
        List<FakePlant.Unit> units = new ArrayList<>(harness.plant.units.values());
        for (int t = 0; t < seconds; t++) {
            if (rnd.nextInt(120) == 0) {
                drift = (rnd.nextDouble() - 0.5) * 3; // kW/s
            }
            it += drift + rnd.nextGaussian() * 5;
            if (rnd.nextInt(400) == 0) {
                it += (rnd.nextDouble() - 0.3) * 600;
            }
            it = Math.max(4000, Math.min(11_000, it));
            harness.plant.itKw = it;
            if (rnd.nextInt(300) == 0) {
                FakePlant.Unit u = units.get(rnd.nextInt(units.size()));
                switch (rnd.nextInt(4)) {
                    case 0 -> u.ready = !u.ready;
                    case 1 -> u.gasLow = !u.gasLow;
                    case 2 -> u.fault = !u.fault;
                    default -> {
                        if (u.engineRunning) {
                            u.trip();
                        }
                    }
                }
            }
            if (rnd.nextInt(900) == 0) {
                harness.grid = rnd.nextBoolean() ? Harness.quietGrid()
                        : new GridStatus(2, Optional.empty(), 0.2, 1.0, Optional.empty(), Optional.empty(),
                        Optional.empty(), false, true);
            }
            Truth[] now = new Truth[n];
            for (int i = 0; i < n; i++) {
                FakePlant.Unit u = units.get(i);
                now[i] = new Truth(u.ready, u.gasLow, u.fault);
            }
            truth.add(now);
            harness.tick();
        }
    }

    List<StepOutput> outputs() {
        return harness.outputs;
    }

    ChillerConfig config(String id) {
        return harness.config.chiller(id).orElseThrow();
    }

    int index(String id) {
        return Integer.parseInt(id.substring(2)) - 1;
    }

    /** Every command change with the cycle it happened in. */
    List<Map.Entry<Integer, CommandChange>> changes() {
        List<Map.Entry<Integer, CommandChange>> list = new ArrayList<>();
        for (int t = 0; t < harness.outputs.size(); t++) {
            for (CommandChange c : harness.outputs.get(t).report().changes()) {
                list.add(Map.entry(t, c));
            }
        }
        return list;
    }

    static boolean engineSide(DriveMode m) {
        return m == DriveMode.ENGINE || m == DriveMode.BLEND;
    }

    static List<ChillerStatus> statuses(StepOutput o) {
        return o.report().chillers();
    }
}
