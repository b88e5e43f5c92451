package io.plantd.controller.persist;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for {@link AbruptStopTest}: saves an ever-changing plant state through a
 * {@link StateWriter} as fast as the disk allows until it is killed. Each save adds one engine
 * start, so the reloaded file shows how far it got.
 */
public final class StateWriterChild {
    public static void main(String[] args) throws Exception {
        StateStore store = new StateStore(Path.of(args[0]));
        PlantState state = new PlantState(PersistFixtures.chillers("ch1", "ch2"));
        try (StateWriter writer = new StateWriter(store)) {
            long t = PersistFixtures.T0;
            for (int i = 0; ; i++) {
                t += 1000;
                state.chiller(0).command(i % 2 == 0 ? DriveMode.ENGINE : DriveMode.MOTOR, i % 2 == 0 ? 1 : 0,
                        i % 2 == 0 ? EngineRole.CAP : EngineRole.NONE, t);
                writer.offer(state.snapshot(), Instant.ofEpochMilli(t));
                writer.flush(5, java.util.concurrent.TimeUnit.SECONDS);
                if (i == 2) {
                    System.out.println("saving");
                    System.out.flush();
                }
            }
        }
    }
}
