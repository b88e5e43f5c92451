package io.plantd.controller.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 for real: a child JVM saves plant state continuously and is destroyed forcibly (no
 * shutdown hook, no flush) at a random moment; the state it left must load as saved, with
 * every start it recorded before its last completed save.
 */
class AbruptStopTest {
    @TempDir
    Path dir;

    @Test
    void stateSurvivesSigkillDuringContinuousSaves() throws Exception {
        Random random = new Random(42);
        long lastStarts = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    StateWriterChild.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            while ((line = out.readLine()) != null && !line.equals("saving")) {
                // skip log lines
            }
            assertThat(line).as("child started saving").isEqualTo("saving");
            Thread.sleep(20 + random.nextInt(200));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            StateLoader.Loaded loaded = StateLoader.load(new StateStore(dir), PersistFixtures.chillers("ch1", "ch2"),
                    PersistFixtures.T0 + 10_000_000);
            assertThat(loaded.origin()).as(loaded.detail()).isEqualTo(StateLoader.Origin.SAVED);
            long starts = loaded.state().chiller(0).totalStarts();
            assertThat(starts).as("the child saved at least its first two starts").isGreaterThanOrEqualTo(2);
            lastStarts = starts;
            try (var files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertThat(names).contains(StateStore.MAIN, StateStore.BACKUP);
            }
        }
        assertThat(lastStarts).isPositive();
    }
}
