package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.persist.PersistingCycleStep;
import io.plantd.controller.persist.StateLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts of the controller on a running plant with the state persisted as the daemon does:
 * the first cycle adopts the drives, min-run/min-off and starts-per-hour keep counting from
 * before the restart, and a blank restart (no persistence) is shown to break them.
 */
class RestartAcrossPersistenceTest {
    private static final double OVER_CAP_IT_KW = 9300;
    private static final double UNDER_CAP_IT_KW = 7000;

    @TempDir
    Path dir;

    /** One 500-ton chiller: a start is the only way under the cap. */
    private static SiteConfig oneChiller(long minRunS, long minOffS, int startsPerHour) {
        TestSite t = TestSite.site().chiller("ch1", 500, false,
                TestSite.limits(300, minRunS, minOffS, startsPerHour, 4000, 1800));
        t.releaseDelayS = 30;
        // these tests step the load far over and back under the cap to force starts and stops; the
        // spike reserve would rightly keep the engine on after such a step, which is not the subject here
        t.spikeMemoryS = 0;
        return t.build();
    }

    @Test
    void firstCycleAfterRestartAdoptsTheRunningEngineAndKeepsMinRun() throws Exception {
        try (PersistentRun run = PersistentRun.seeded(oneChiller(900, 600, 3), dir, true)) {
            run.run(5);
            run.plant.itKw = OVER_CAP_IT_KW;
            CommandChange start = run.runUntilChange("ch1", DriveMode.ENGINE, 600);
            assertThat(start).isNotNull();
            long startedAt = run.now.toEpochMilli() - 1000;
            run.run(400);
            run.restart();
            assertThat(run.loaded.origin()).isEqualTo(StateLoader.Origin.SAVED);

            run.plant.itKw = UNDER_CAP_IT_KW;
            run.tick();
            assertThat(run.last.report().changes()).as("no needless switching on restart").isEmpty();
            assertThat(run.status("ch1").reason()).isEqualTo(Reason.STARTUP_ADOPT);
            assertThat(run.last.commands()).singleElement().extracting(c -> c.mode()).isEqualTo(DriveMode.ENGINE);

            CommandChange release = run.runUntilChange("ch1", DriveMode.MOTOR, 1200);
            assertThat(release).isNotNull();
            long releasedAt = run.now.toEpochMilli() - 1000;
            assertThat(releasedAt - startedAt).as("min run counted from the real start").isGreaterThanOrEqualTo(900_000)
                    .as("and not restarted by the restart (restart + min run + release delay)")
                    .isLessThan(400_000 + 900_000);
        }
    }

    @Test
    void minOffSurvivesARestartAndABlankRestartWouldBreakIt() throws Exception {
        long[] persistedStart = startAgainAfterRestart(dir.resolve("kept"), true);
        long[] blankStart = startAgainAfterRestart(dir.resolve("blank"), false);
        assertThat(persistedStart[1] - persistedStart[0]).as("restart 60 s after the stop, min off 600 s")
                .isGreaterThanOrEqualTo(600_000);
        assertThat(blankStart[1] - blankStart[0]).as("without persisted state the stop time is forgotten")
                .isLessThan(600_000);
    }

    /** Start, stop, restart 60 s later under load again: returns {stop ms, next start ms}. */
    private long[] startAgainAfterRestart(Path stateDir, boolean persistent) throws Exception {
        try (PersistentRun run = PersistentRun.seeded(oneChiller(60, 600, 3), stateDir, persistent)) {
            run.run(5);
            run.plant.itKw = OVER_CAP_IT_KW;
            assertThat(run.runUntilChange("ch1", DriveMode.ENGINE, 600)).isNotNull();
            run.run(300);
            run.plant.itKw = UNDER_CAP_IT_KW;
            assertThat(run.runUntilChange("ch1", DriveMode.MOTOR, 600)).isNotNull();
            long stoppedAt = run.now.toEpochMilli() - 1000;
            run.run(60);
            run.restart();
            run.plant.itKw = OVER_CAP_IT_KW;
            CommandChange again = run.runUntilChange("ch1", DriveMode.ENGINE, 1);
            if (persistent) {
                assertThat(again).isNull();
                assertThat(run.status("ch1").ineligibleBecause()).startsWith(Reason.ENGINE_MIN_OFF.name());
            }
            if (again == null) {
                again = run.runUntilChange("ch1", DriveMode.ENGINE, 900);
            }
            assertThat(again).isNotNull();
            return new long[] {stoppedAt, run.now.toEpochMilli() - 1000};
        }
    }

    /**
     * A crash loop: the daemon restarts every 7 minutes while the load swings over and under the
     * cap every 10. With the state persisted the plant never sees more than the allowed starts
     * in any rolling hour; with blank restarts it does.
     */
    @Test
    void startsPerHourHoldAcrossRepeatedRestarts() throws Exception {
        int kept = crashLoop(dir.resolve("kept"), true);
        int blank = crashLoop(dir.resolve("blank"), false);
        assertThat(kept).as("most starts in any hour, persisted").isBetween(1, 2);
        assertThat(blank).as("most starts in any hour, blank restarts").isGreaterThan(2);
    }

    private int crashLoop(Path stateDir, boolean persistent) throws Exception {
        try (PersistentRun run = PersistentRun.seeded(oneChiller(60, 60, 2), stateDir, persistent)) {
            for (int s = 0; s < 3 * 3600; s++) {
                run.plant.itKw = (s % 600) < 360 ? OVER_CAP_IT_KW : UNDER_CAP_IT_KW;
                if (s > 0 && s % 420 == 0) {
                    run.restart();
                }
                run.tick();
            }
            return run.maxStartsInAnyHour("ch1");
        }
    }

    /** No usable state: every engine is assumed to have used its starts; the alarm says so for that hour. */
    @Test
    void conservativeRestoreBlocksStartsForAnHourAndRaisesTheAlarm() throws Exception {
        // a directory plantd used before, whose state files were deleted (the decision log remains)
        java.nio.file.Path wiped = java.nio.file.Files.createDirectories(dir.resolve("wiped"));
        java.nio.file.Files.writeString(wiped.resolve("decisions.jsonl"), "{}\n");
        try (PersistentRun run = new PersistentRun(oneChiller(60, 60, 2), wiped, true)) {
            assertThat(run.loaded.origin()).isEqualTo(StateLoader.Origin.CONSERVATIVE);
            run.plant.itKw = OVER_CAP_IT_KW;
            CommandChange early = run.runUntilChange("ch1", DriveMode.ENGINE, 3590);
            assertThat(early).as("no start while the assumed starts are in the window").isNull();
            assertThat(run.alarm(PersistingCycleStep.RESTORED_CONSERVATIVE)).isTrue();
            assertThat(run.status("ch1").ineligibleBecause()).startsWith(Reason.STARTS_PER_HOUR_LIMIT.name());
            assertThat(run.runUntilChange("ch1", DriveMode.ENGINE, 60)).isNotNull();
            assertThat(run.alarm(PersistingCycleStep.RESTORED_CONSERVATIVE)).isFalse();
        }
    }
}
