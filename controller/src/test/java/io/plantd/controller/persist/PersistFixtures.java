package io.plantd.controller.persist;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.util.List;

/** Chiller configs and a plant state with some history, for the persistence tests. */
final class PersistFixtures {
    static final long T0 = java.time.Instant.parse("2026-07-01T12:00:00Z").toEpochMilli();

    private PersistFixtures() {
    }

    static EngineLimits limits() {
        return new EngineLimits(300, 900, 600, 3, 4000, 1800, 0.08, 0.02);
    }

    static List<ChillerConfig> chillers(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new ChillerConfig(id, id + "-dev", 500, 0.6, true, limits()))
                .toList();
    }

    /** ch1 started twice (last start at T0 - 10 min, still running), ch2 stopped at T0 - 2 min and locked out. */
    static PlantState withHistory(List<ChillerConfig> configs) {
        PlantState p = new PlantState(configs);
        var ch1 = p.chiller(0);
        ch1.command(DriveMode.MOTOR, 0, EngineRole.NONE, T0 - 3_000_000);
        ch1.command(DriveMode.ENGINE, 1, EngineRole.CAP, T0 - 2_400_000);
        ch1.command(DriveMode.MOTOR, 0, EngineRole.NONE, T0 - 1_500_000);
        ch1.command(DriveMode.ENGINE, 1, EngineRole.CAP, T0 - 600_000);
        ch1.addRunTime(3600 * 12.5, T0);
        ch1.loadOff(T0 - 380_000);
        var ch2 = p.chiller(1);
        ch2.command(DriveMode.ENGINE, 1, EngineRole.CAP, T0 - 900_000);
        ch2.command(DriveMode.MOTOR, 0, EngineRole.NONE, T0 - 120_000);
        ch2.lockOut(T0 + 1_680_000, "trip: engine stopped running");
        ch2.override(io.plantd.controller.command.Command.OverrideMode.MOTOR, T0 + 3_000_000);
        p.temporaryCap(8000, T0 + 600_000);
        p.advanceRotation();
        return p;
    }
}
