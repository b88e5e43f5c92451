package io.plantd.app.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded random schedule of faults and daemon restarts over a soak. */
public record FaultPlan(List<Fault> faults, List<Long> restartsAtS) {
    public FaultPlan {
        faults = List.copyOf(faults);
        restartsAtS = List.copyOf(restartsAtS);
    }

    /**
     * About {@code faultsPerDay} faults at uniformly random times (kinds and targets equally
     * likely), and a restart every {@code minRestartS}..{@code maxRestartS} seconds.
     */
    public static FaultPlan random(long seed, long seconds, List<String> chillerIds, double faultsPerDay,
                                   long minRestartS, long maxRestartS) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Fault> faults = new ArrayList<>();
        long count = Math.round(faultsPerDay * seconds / 86_400.0);
        Fault.Kind[] kinds = Fault.Kind.values();
        for (long i = 0; i < count; i++) {
            Fault.Kind kind = kinds[r.nextInt(kinds.length)];
            String chiller = chillerIds.get(r.nextInt(chillerIds.size()));
            long at = 600 + r.nextLong(Math.max(1, seconds - 1200));
            Fault f = switch (kind) {
                case METER_FREEZE -> new Fault(kind, "meter", at, 120 + r.nextLong(1080));
                case ENGINE_START_FAILURE -> new Fault(kind, chiller, at, 1800 + r.nextLong(5400));
                case ENGINE_TRIP -> new Fault(kind, chiller, at, 0);
                case GAS_LOSS -> new Fault(kind, chiller, at, 600 + r.nextLong(3000));
                case DEVICE_TIMEOUT -> new Fault(kind, r.nextInt(4) == 0 ? "meter" : chiller, at, 60 + r.nextLong(540));
            };
            faults.add(f);
        }
        faults.sort(Comparator.comparingLong(Fault::atS));
        List<Long> restarts = new ArrayList<>();
        for (long t = minRestartS + r.nextLong(maxRestartS - minRestartS + 1); t < seconds;
             t += minRestartS + r.nextLong(maxRestartS - minRestartS + 1)) {
            restarts.add(t);
        }
        return new FaultPlan(faults, restarts);
    }
}
