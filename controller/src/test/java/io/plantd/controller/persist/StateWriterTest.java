package io.plantd.controller.persist;

import static io.plantd.controller.persist.PersistFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesOnChangeAndThrottlesRunTimeOnly() throws Exception {
        StateStore store = new StateStore(dir);
        PlantState state = new PlantState(PersistFixtures.chillers("ch1"));
        state.chiller(0).addRunTime(0, T0); // sets the run year, which is saved at once like any other change
        try (StateWriter writer = new StateWriter(store)) {
            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0));
            assertThat(writer.flush(5, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.writes()).isEqualTo(1);

            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0 + 1000));
            writer.flush(5, TimeUnit.SECONDS);
            assertThat(writer.writes()).as("unchanged state is not rewritten").isEqualTo(1);

            state.chiller(0).command(DriveMode.ENGINE, 1, EngineRole.CAP, T0 + 2000);
            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0 + 2000));
            writer.flush(5, TimeUnit.SECONDS);
            assertThat(writer.writes()).as("a start is saved at once").isEqualTo(2);

            for (int s = 3; s < 30; s++) {
                state.chiller(0).addRunTime(1, T0 + s * 1000L);
                writer.offer(state.snapshot(), Instant.ofEpochMilli(T0 + s * 1000L));
                writer.flush(5, TimeUnit.SECONDS);
            }
            assertThat(writer.writes()).as("run time alone waits for the period").isEqualTo(2);
            state.chiller(0).addRunTime(1, T0 + 62_000);
            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0 + 62_000));
            writer.flush(5, TimeUnit.SECONDS);
            assertThat(writer.writes()).isEqualTo(3);
        }
        StateLoader.Loaded loaded = StateLoader.load(store, PersistFixtures.chillers("ch1"), T0 + 70_000);
        assertThat(loaded.state().chiller(0).engineRunSeconds()).isEqualTo(28);
        assertThat(loaded.savedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 62_000));
    }

    @Test
    void aFailingDiskIsReportedAndRetried() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the state directory should be");
        StateStore store = new StateStore(blocked);
        PlantState state = new PlantState(PersistFixtures.chillers("ch1"));
        try (StateWriter writer = new StateWriter(store)) {
            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0));
            writer.flush(5, TimeUnit.SECONDS);
            assertThat(writer.failures()).isEqualTo(1);
            assertThat(writer.lastError()).isNotEmpty();
            Files.delete(blocked);
            writer.offer(state.snapshot(), Instant.ofEpochMilli(T0 + 1000));
            writer.flush(5, TimeUnit.SECONDS);
            assertThat(writer.writes()).isEqualTo(1);
            assertThat(writer.lastError()).isEmpty();
        }
    }
}
