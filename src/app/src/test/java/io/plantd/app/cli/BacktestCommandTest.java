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
