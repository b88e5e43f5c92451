package io.plantd.controller.persist;

import static io.plantd.controller.persist.PersistFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.PlantState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restart finds in the state directory, including the files a crash can leave behind. */
class StateLoaderTest {
    private static final long RESTART = T0 + 60_000;
    private final List<ChillerConfig> configs = PersistFixtures.chillers("ch1", "ch2");
    @TempDir
    Path dir;

    private StateStore saved() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(StateCodec.encode(PersistFixtures.withHistory(configs).snapshot(), Instant.ofEpochMilli(T0)));
        return store;
    }

    @Test
    void savedStateComesBackWithHistoryAndIsReadoptedOnTheFirstCycle() throws Exception {
        StateLoader.Loaded loaded = StateLoader.load(saved(), configs, RESTART);
        assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.SAVED);
        assertThat(loaded.conservative()).isFalse();
        ChillerState ch1 = loaded.state().chiller(0);
        assertThat(ch1.adopted()).as("first cycle re-reads the actual drive").isFalse();
        assertThat(ch1.commanded()).isEqualTo(DriveMode.ENGINE);
        assertThat(ch1.startsInLastHour(RESTART)).isEqualTo(2);
        assertThat(ch1.engineStartedAtMs()).isEqualTo(T0 - 600_000);
        assertThat(ch1.yearRunHours(RESTART)).isEqualTo(12.5);
        assertThat(ch1.learnedLeadTimeS(1)).isEqualTo(220);
        ChillerState ch2 = loaded.state().chiller(1);
        assertThat(ch2.engineStoppedAtMs()).isEqualTo(T0 - 120_000);
        assertThat(ch2.lockedOut(RESTART)).isTrue();
        assertThat(ch2.overrideAt(RESTART)).isEqualTo(OverrideMode.MOTOR);
        assertThat(loaded.state().temporaryCapAt(RESTART)).isEqualTo(8000);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(StateStore.MAIN, StateStore.BACKUP);
    }

    /** kill -9 while the temporary file was half written: the renamed main file is untouched. */
    @Test
    void tornTemporaryFileIsIgnored() throws Exception {
        StateStore store = saved();
        byte[] next = StateCodec.encode(new PlantState(configs).snapshot(), Instant.ofEpochMilli(RESTART));
        Files.write(dir.resolve(StateStore.MAIN + StateStore.TMP_SUFFIX), Arrays.copyOf(next, next.length / 3));
        StateLoader.Loaded loaded = StateLoader.load(store, configs, RESTART);
        assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.SAVED);
        assertThat(loaded.state().chiller(0).startsInLastHour(RESTART)).isEqualTo(2);
    }

    /** Main file cut short after the fact: the backup is used, with starts and timers assumed used. */
    @Test
    void truncatedMainFileFallsBackToTheBackupConservatively() throws Exception {
        StateStore store = saved();
        byte[] main = Files.readAllBytes(store.main());
        Files.write(store.main(), Arrays.copyOf(main, main.length / 2));
        StateLoader.Loaded loaded = StateLoader.load(store, configs, RESTART);
        assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.BACKUP_CONSERVATIVE);
        assertThat(loaded.conservativeChillers()).containsExactly("ch1", "ch2");
        assertThat(loaded.detail()).contains(StateStore.MAIN).contains("not valid JSON").contains("backup");
        for (ChillerState c : loaded.state().chillers()) {
            assertThat(c.startsInLastHour(RESTART)).isGreaterThanOrEqualTo(3);
            assertThat(c.startsInLastHour(RESTART + 3_599_000)).isGreaterThanOrEqualTo(3);
            assertThat(c.startsInLastHour(RESTART + 3_600_000)).isZero();
            assertThat(c.engineStartedAtMs()).isEqualTo(RESTART);
            assertThat(c.engineStoppedAtMs()).isEqualTo(RESTART);
            assertThat(c.adopted()).isFalse();
        }
        // slow-moving facts survive from the backup
        assertThat(loaded.state().chiller(0).yearRunHours(RESTART)).isEqualTo(12.5);
        assertThat(loaded.state().chiller(1).lockedOut(RESTART)).isTrue();
        assertThat(loaded.state().chiller(0).totalStarts()).isEqualTo(2);
    }

    @Test
    void nothingUsableMeansConservativeWithoutHistory() throws Exception {
        StateStore store = saved();
        Files.write(store.main(), new byte[0]);
        Files.write(store.backup(), "{\"schema\": 1".getBytes());
        StateLoader.Loaded loaded = StateLoader.load(store, configs, RESTART);
        assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.CONSERVATIVE);
        assertThat(loaded.detail()).contains(StateStore.MAIN).contains(StateStore.BACKUP).contains("assuming");
        assertThat(loaded.state().chiller(0).startsInLastHour(RESTART)).isEqualTo(3);
        assertThat(loaded.state().chiller(0).totalStarts()).isZero();

        Files.delete(store.main());
        Files.delete(store.backup());
        Files.writeString(store.dir().resolve("decisions.jsonl"), "{}\n");
        StateLoader.Loaded deleted = StateLoader.load(store, configs, RESTART);
        assertThat(deleted.origin()).as("state files deleted from a used directory").isEqualTo(StateLoader.Origin.CONSERVATIVE);
        assertThat(deleted.detail()).contains("missing");
        assertThat(deleted.state().chiller(0).startsInLastHour(RESTART)).isEqualTo(3);
    }

    @Test
    void anEmptyOrAbsentStateDirectoryIsAFirstStartWithACleanRecord() throws Exception {
        for (StateStore store : List.of(new StateStore(dir.resolve("absent")),
                new StateStore(Files.createDirectories(dir.resolve("empty"))))) {
            StateLoader.Loaded loaded = StateLoader.load(store, configs, RESTART);
            assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.FIRST_START);
            assertThat(loaded.conservative()).isFalse();
            assertThat(loaded.state().chiller(0).startsInLastHour(RESTART)).isZero();
        }
    }

    @Test
    void aChillerAddedToTheConfigGetsConservativeAssumptionsAlone() throws Exception {
        List<ChillerConfig> more = PersistFixtures.chillers("ch1", "ch2", "ch3");
        StateLoader.Loaded loaded = StateLoader.load(saved(), more, RESTART);
        assertThat(loaded.origin()).isEqualTo(StateLoader.Origin.SAVED);
        assertThat(loaded.conservativeChillers()).containsExactly("ch3");
        assertThat(loaded.state().chiller(2).startsInLastHour(RESTART)).isEqualTo(3);
        assertThat(loaded.state().chiller(0).startsInLastHour(RESTART)).isEqualTo(2);
    }

    @Test
    void timesAfterNowAreTakenAsNow() throws Exception {
        long clockSteppedBack = T0 - 7_200_000;
        StateLoader.Loaded loaded = StateLoader.load(saved(), configs, clockSteppedBack);
        ChillerState ch1 = loaded.state().chiller(0);
        assertThat(ch1.engineStartedAtMs()).isEqualTo(clockSteppedBack);
        assertThat(ch1.startsInLastHour(clockSteppedBack)).isEqualTo(2);
        assertThat(ch1.startsInLastHour(clockSteppedBack + 3_600_000)).isZero();
    }
}
