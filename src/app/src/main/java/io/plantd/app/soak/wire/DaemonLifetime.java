package io.plantd.app.soak.wire;

import java.util.Optional;

/**
 * One daemon process of a network soak, as its metrics endpoint last described it. Times are
 * simulated seconds into the soak; {@code readyS} is when {@code /healthz} first answered (-1:
 * never).
 */
public record DaemonLifetime(int number, double startedS, double readyS, double endedS, boolean killed,
                             Optional<Integer> exitCode, double cycles, double overruns, double maxHeapMb,
                             double maxRssMb, String output) {
}
