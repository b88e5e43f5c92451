package io.plantd.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
    @Test
    void printsTheTableSideBySideAndWritesSummaryCsvAndChart(@TempDir Path dir) throws Exception {
        SimulateCommandTest.Run r = SimulateCommandTest.run("backtest", "--scenario",
                SimulateCommandTest.root().resolve("config/scenarios/heat-wave.yaml").toString(), "--out", dir.toString(),
                "--threads", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("| | motor-only | schedule | reactive | plantd |")
                .contains("| seconds over cap |").contains("| decisions (mode changes) |")
                .containsPattern("plantd +3,600 cycles");
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summary).hasSize(5);
        assertThat(summary.get(4)).startsWith("plantd,3600,0,");
        List<String> day = Files.readAllLines(dir.resolve("day-0.csv"));
        assertThat(day).hasSize(1 + 4 * 3600);
        assertThat(day.get(0)).startsWith("strategy,time,site_kw,cap_kw,it_kw,ch1_status,ch1_engine_share");
        BufferedImage png = ImageIO.read(dir.resolve("day-0.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1400);
        assertThat(png.getHeight()).isGreaterThan(800);
    }

    @Test
    void headroomPrintsTheHostedItPerStrategy(@TempDir Path dir) throws Exception {
        SimulateCommandTest.Run r = SimulateCommandTest.run("backtest", "--scenario",
                SimulateCommandTest.root().resolve("config/scenarios/heat-wave.yaml").toString(), "--out", dir.toString(),
                "--strategy", "motor-only,plantd", "--headroom", "--headroom-tolerance", "0.02");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("| strategy | IT scale | hosted IT (kW) |").containsPattern("\\| plantd \\| 1\\.");
        assertThat(Files.readAllLines(dir.resolve("headroom.csv"))).hasSize(3);
    }

    private static Path siteConfig(Path dir, String ch4Device) throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        for (String p : List.of("sim-hybrid-chiller", "sim-site-meter", "sim-grid-gateway")) {
            Files.copy(SimulateCommandTest.root().resolve("config/profiles/" + p + ".yaml"),
                    profiles.resolve(p + ".yaml"));
        }
        StringBuilder y = new StringBuilder("""
                site: { id: bt-test, serviceCapacityKw: 10000, marginKw: 200, releaseMarginKw: 600,
                        tariff: { electricityPerKwh: 0.12, gasPerTherm: 0.85, gridCo2KgPerKwh: 0.4, gasCo2KgPerTherm: 5.3 } }
                control: { economic: { enabled: false } }
                devices:
                  - { id: meter, profile: sim-site-meter, connection: { type: modbus-tcp, host: 127.0.0.1, port: 15020 } }
                  - { id: grid, profile: sim-grid-gateway, connection: { type: modbus-tcp, host: 127.0.0.1, port: 15021 } }
                """);
        for (int i = 1; i <= 4; i++) {
            String dev = i == 4 ? ch4Device : "ch" + i;
            y.append("  - { id: ").append(dev).append(", profile: sim-hybrid-chiller, connection: { type: modbus-tcp, ")
                    .append("host: 127.0.0.1, port: ").append(15021 + i).append(" } }\n");
        }
        y.append("meters: { site: meter/site_power }\nchillers:\n");
        for (int i = 1; i <= 4; i++) {
            String dev = i == 4 ? ch4Device : "ch" + i;
            y.append("  - { id: ch").append(i).append(", device: ").append(dev)
                    .append(", capacityTons: 500, blend: true }\n");
        }
        y.append("grid: { source: modbus, device: grid }\nmqtt: { enabled: false }\nmetrics: { enabled: false }\n");
        Path f = dir.resolve("site-" + ch4Device + ".yaml");
        Files.writeString(f, y.toString());
        return f;
    }

    @Test
    void runsWithAnOperatorsSiteConfigAndRefusesOneForAnotherPlant(@TempDir Path dir) throws Exception {
        Path root = SimulateCommandTest.root();
        SimulateCommandTest.Run r = SimulateCommandTest.run("backtest", "--scenario",
                root.resolve("config/scenarios/heat-wave.yaml").toString(), "--config",
                siteConfig(dir, "ch4").toString(), "--strategy", "motor-only,plantd", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summary.get(1)).startsWith("motor-only,3600,").doesNotStartWith("motor-only,3600,0,");
        assertThat(summary.get(2)).startsWith("plantd,3600,0,");

        Files.delete(dir.resolve("profiles/sim-hybrid-chiller.yaml"));
        Files.delete(dir.resolve("profiles/sim-site-meter.yaml"));
        Files.delete(dir.resolve("profiles/sim-grid-gateway.yaml"));
        r = SimulateCommandTest.run("backtest", "--scenario", root.resolve("config/scenarios/heat-wave.yaml").toString(),
                "--config", siteConfig(dir, "ch9").toString(), "--strategy", "plantd", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).as(r.err()).contains("not in the simulated plant").contains("chiller ch4 device 'ch9'");
    }

    @Test
    void unknownStrategyAndBadScenarioFailWithAClearMessage(@TempDir Path dir) throws Exception {
        SimulateCommandTest.Run r = SimulateCommandTest.run("backtest", "--scenario",
                SimulateCommandTest.root().resolve("config/scenarios/heat-wave.yaml").toString(), "--out", dir.toString(),
                "--strategy", "psychic");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("unknown strategy 'psychic'");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\ngenerator: year\nseed: x\n");
        r = SimulateCommandTest.run("backtest", "--scenario", bad.toString(), "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("invalid scenario").contains("bad.yaml:3");
    }
}
