package io.plantd.controller.policy.archfixture;

import io.plantd.controller.policy.DriveMode;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What policy code may do: pure computation on values and an injected clock. */
public final class PurePolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    public DriveMode decide(Clock clock, Instant since, List<Double> loads, double capKw) {
        boolean held = Duration.between(since, clock.instant()).toSeconds() > 600;
        double peak = loads.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return peak > capKw && held ? DriveMode.ENGINE : DriveMode.MOTOR;
    }
}
