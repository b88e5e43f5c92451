package io.plantd.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.persist.PersistingCycleStep;
import io.plantd.controller.persist.StateLoader;
import io.plantd.controller.persist.StateStore;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon against the simulator over Modbus on loopback: it saves its plant state in the
 * state directory, a restart restores it (no alarm, no switching), and a restart after the files
 * were damaged raises {@code state-restored-conservative}.
 */
class DaemonStatePersistenceTest {
    @TempDir
    Path stateDir;

    @Test
    void daemonSavesRestoresAndReportsDamagedState() throws Exception {
        Path root = Path.of(System.getProperty("plantd.root"));
        SiteConfig config = SiteConfigLoader.load(root.resolve("config/sites/sim-normal-day.yaml"));
        try (SimulatorRunner sim = SimulatorRunner.start(ScenarioLoader.load(root.resolve("config/scenarios/normal-day.yaml")),
                SimulatorRunner.Options.realTime().withBasePort(0).withLogEvery(Duration.ZERO))) {
            SiteConfig bound = quiet(DemoSite.bind(config, sim.endpoints(), java.util.List.of(), "tcp://127.0.0.1:1", 0, stateDir));
            StateStore store = new StateStore(stateDir);

            List<CycleReport> first = runUntilAdopted(bound);
            assertThat(alarmIds(first.get(0))).as("first start in an empty state directory: a clean record")
                    .doesNotContain(PersistingCycleStep.RESTORED_CONSERVATIVE);
            StateLoader.Loaded saved = StateLoader.load(store, bound.chillers(), System.currentTimeMillis());
            assertThat(saved.origin()).isEqualTo(StateLoader.Origin.SAVED);
            assertThat(saved.state().chillers()).allSatisfy(c -> assertThat(c.commanded()).isNotNull());

            List<CycleReport> second = runUntilAdopted(bound);
            assertThat(alarmIds(second.get(0))).doesNotContain(PersistingCycleStep.RESTORED_CONSERVATIVE);
            assertThat(second.get(0).changes()).as("restart adopts the drives, no switching").isEmpty();

            byte[] main = Files.readAllBytes(store.main());
            Files.write(store.main(), java.util.Arrays.copyOf(main, main.length / 2));
            Files.write(store.backup(), new byte[0]);
            List<CycleReport> third = runUntilAdopted(bound);
            assertThat(third.get(0).alarms()).filteredOn(a -> a.id().equals(PersistingCycleStep.RESTORED_CONSERVATIVE))
                    .singleElement().satisfies(a -> assertThat(a.message()).contains("not valid JSON"));
        }
    }

    /** Starts the daemon, waits until every chiller's drive is read and the state is on disk, stops it. */
    private List<CycleReport> runUntilAdopted(SiteConfig bound) throws Exception {
        List<CycleReport> reports = new CopyOnWriteArrayList<>();
        CycleListener probe = reports::add;
        Daemon daemon = Daemon.start(bound, Clock.systemUTC(), Map.of("probe", probe));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !reports.isEmpty()
                    && reports.get(reports.size() - 1).chillers().stream().noneMatch(c -> c.actual() == null)
                    && Files.exists(stateDir.resolve(StateStore.MAIN)));
        } finally {
            daemon.close();
        }
        return reports;
    }

    private static List<String> alarmIds(CycleReport r) {
        return r.alarms().stream().map(Alarm::id).toList();
    }

    private static SiteConfig quiet(SiteConfig c) {
        MqttConfig m = c.mqtt();
        return new SiteConfig(c.file(), c.site(), c.control(), c.devices(), c.profiles(), c.meters(), c.chillers(),
                c.grid(), new MqttConfig(false, m.url(), m.clientId(), m.username(), m.password(), m.tls(),
                        m.principals(), m.keepAliveS(), m.maxReconnectDelayS()),
                new MetricsConfig(false, c.metrics().bind(), 0), c.logging(), c.shutdown(), c.stateDir());
    }
}
