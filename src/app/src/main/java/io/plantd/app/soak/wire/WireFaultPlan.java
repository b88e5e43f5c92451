package io.plantd.app.soak.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded schedule of network faults and daemon kills. Kinds take turns, so even a short run
 * exercises each of them once; times and targets are random.
 */
public record WireFaultPlan(List<WireFault> faults, List<Long> killsAtS) {
    /** Every fault is over this long before the run ends. */
    static final long END_MARGIN_S = 1200;

    public WireFaultPlan {
        faults = List.copyOf(faults);
        killsAtS = List.copyOf(killsAtS);
    }

    /**
     * @param stalingTargets devices whose silence must raise an alarm (the meter and the chillers)
     * @param allDevices     every Modbus device (a socket drop may hit any)
     */
    public static WireFaultPlan random(long seed, long seconds, double faultsPerDay, List<String> stalingTargets,
                                       List<String> allDevices, long minKillS, long maxKillS) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Long> kills = new ArrayList<>();
        for (long t = minKillS + r.nextLong(maxKillS - minKillS + 1); t < seconds - 600;
             t += minKillS + r.nextLong(maxKillS - minKillS + 1)) {
            kills.add(t);
        }
        WireFault.Kind[] kinds = WireFault.Kind.values();
        long count = Math.max(kinds.length, Math.round(faultsPerDay * seconds / 86_400.0));
        List<WireFault> faults = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            WireFault.Kind kind = kinds[(int) (i % kinds.length)];
            WireFault f = draw(r, kind, seconds, stalingTargets, allDevices);
            // the first of each kind meets a running daemon, so even a short run judges every kind
            for (int tries = 0; i < kinds.length && tries < 100 && nearKill(f, kills); tries++) {
                f = draw(r, kind, seconds, stalingTargets, allDevices);
            }
            faults.add(f);
        }
        faults.sort(Comparator.comparingLong(WireFault::atS));
        return new WireFaultPlan(faults, kills);
    }

    private static WireFault draw(SplittableRandom r, WireFault.Kind kind, long seconds, List<String> stalingTargets,
                                  List<String> allDevices) {
        long duration = switch (kind) {
            case SOCKET_DROP -> 0;
            case DEVICE_TIMEOUT, EXCEPTION_RESPONSES -> 60 + r.nextLong(540);
            case BROKER_OUTAGE -> 120 + r.nextLong(1080);
        };
        // after the first engines have started, and over at least END_MARGIN_S before the run ends,
        // so the recovery (a reconnect, an alarm clearing) can still be seen
        long at = 600 + r.nextLong(Math.max(1, seconds - 600 - END_MARGIN_S - duration));
        String target = switch (kind) {
            case SOCKET_DROP -> pick(r, allDevices);
            case DEVICE_TIMEOUT, EXCEPTION_RESPONSES -> pick(r, stalingTargets);
            case BROKER_OUTAGE -> WireFault.BROKER;
        };
        return new WireFault(kind, target, at, duration);
    }

    /** Overlaps a kill or the 10 minutes after it (the new JVM starting, alarms re-raised). */
    private static boolean nearKill(WireFault f, List<Long> kills) {
        return kills.stream().anyMatch(k -> f.endS() >= k && f.atS() <= k + 600);
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
