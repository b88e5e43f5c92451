package io.plantd.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.app.PlantdMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    static Path root() {
        return Path.of(System.getProperty("plantd.root", "../.."));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = PlantdMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void servesAShippedScenarioToItsEndAndPrintsWhereEachDeviceListens(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("truth.csv");
        Run r = run("simulate", "--scenario", root().resolve("config/scenarios/it-spike.yaml").toString(),
                "--speed", "5000", "--base-port", "0", "--exit-at-end", "--log-every", "0", "--record", csv.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("plantd simulate: scenario it-spike (2700 s simulated, speed 5000x)")
                .containsPattern("meter +sim-site-meter +modbus-tcp 127\\.0\\.0\\.1:\\d+ unit 1")
                .containsPattern("grid +sim-grid-gateway +modbus-tcp 127\\.0\\.0\\.1:\\d+ unit 1")
                .containsPattern("ch4 +sim-hybrid-chiller +modbus-tcp 127\\.0\\.0\\.1:\\d+ unit 1")
                .contains("scenario finished: RunSummary[seconds=2701");
        assertThat(Files.readAllLines(csv)).hasSize(2702);
    }

    @Test
    void anInvalidScenarioIsRejectedWithPositionedErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nstart: 2026-07-20T14:00:00Z\ndurationS: -3\n");
        Run r = run("simulate", "--scenario", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains(bad + ":3:12: durationS: must be between 1 and 31622400, got -3")
                .contains(bad + ":1:1: site: required field is missing");
    }

    @Test
    void badSpeedIsAUsageError() {
        Run r = run("simulate", "--scenario", "x.yaml", "--speed", "0");
        assertThat(r.exit()).isNotIn(ExitCodes.OK, ExitCodes.FAILED);
        assertThat(r.err()).contains("--speed must be above 0");
    }
}
