package io.plantd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.plantd.sim.modbus.DeviceEndpoint;
import io.plantd.sim.model.DriveCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-time runner: served over loopback, sped up, driven by a Modbus master like plantd would. */
class SimulatorRunnerTest {
    @Test
    void servesThePlantAndFollowsWritesInScaledRealTime(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("truth.csv");
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(50).withBasePort(0)
                .withRecordCsv(csv).withLogEvery(Duration.ofSeconds(1));
        try (SimulatorRunner runner = SimulatorRunner.start(TestScenarios.parse(TestScenarios.TWO_CHILLERS), options)) {
            DeviceEndpoint ch1 = runner.endpoints().stream().filter(e -> e.deviceId().equals("ch1")).findFirst()
                    .orElseThrow();
            ModbusTCPMaster master = TestMasters.connected(ch1.host(), ch1.port());
            try {
                master.writeSingleRegister(1, 0, new SimpleRegister(DriveCode.ENGINE));
                int[] hb = {0};
                // heartbeat every 100 ms of wall time = 5 s simulated, well inside the 60 s watchdog
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    master.writeSingleRegister(1, 2, new SimpleRegister(++hb[0]));
                    return master.readInputRegisters(1, 0, 1)[0].getValue() == DriveCode.ENGINE;
                });
                double elapsed = runner.inspect(Simulation::elapsedS);
                double motorKw = runner.inspect(s -> s.model().chiller("ch1").motorKw());
                assertThat(elapsed).isGreaterThanOrEqualTo(100.0);
                assertThat(motorKw).isZero();
                // stop the heartbeat: after 60 simulated seconds (~1.2 s wall) the chiller reverts to LOCAL
                await().atMost(Duration.ofSeconds(10)).until(
                        () -> master.readInputRegisters(1, 0, 1)[0].getValue() == DriveCode.LOCAL);
                int reverts = runner.inspect(s -> s.model().chiller("ch1").watchdogReverts());
                assertThat(reverts).isEqualTo(1);
            } finally {
                master.disconnect();
            }
        }
        assertThat(Files.readAllLines(csv).size()).isGreaterThan(100);
    }

    @Test
    void stopsAtTheEndOfTheScenarioWhenAsked() throws Exception {
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(2000).withBasePort(0)
                .withStopAtEnd(true).withLogEvery(Duration.ZERO);
        try (SimulatorRunner runner = SimulatorRunner.start(TestScenarios.parse(TestScenarios.TWO_CHILLERS), options)) {
            assertThat(runner.awaitEnd(Duration.ofSeconds(10))).isTrue();
            Thread.sleep(300);
            double elapsed = runner.inspect(Simulation::elapsedS);
            assertThat(elapsed).isEqualTo(3600.0);
            assertThat(runner.recorder().summary().seconds()).isEqualTo(3601);
        }
    }
}
