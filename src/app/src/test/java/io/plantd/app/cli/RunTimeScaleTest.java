package io.plantd.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plantd run --time-scale} is for simulation only: refused before anything starts unless every device is on loopback. */
class RunTimeScaleTest {
    @Test
    void refusedWhenAnyDeviceIsNotOnLoopback() {
        CliTest.Run r = CliTest.run("run", "--config", CliTest.root().resolve("config/sites/example-10mw.yaml").toString(),
                "--time-scale", "50");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--time-scale is for simulation and testing only")
                .contains("not on loopback").contains("10.20.0.11");
    }

    @Test
    void clockOptionsNeedTheTimeScale(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, Files.readString(CliTest.root().resolve("config/sites/sim-heat-wave.yaml"))
                .replace("site:\n", "profilesDir: " + CliTest.root().resolve("config/profiles") + "\nstateDir: "
                        + dir.resolve("state") + "\nsite:\n"));
        CliTest.Run r = CliTest.run("run", "--config", site.toString(), "--clock-start", "2026-07-20T14:00:00Z");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--clock-start and --clock-anchor need --time-scale");
    }

    @Test
    void outOfRangeScaleIsRefused(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, Files.readString(CliTest.root().resolve("config/sites/sim-heat-wave.yaml"))
                .replace("site:\n", "profilesDir: " + CliTest.root().resolve("config/profiles") + "\nstateDir: "
                        + dir.resolve("state") + "\nsite:\n"));
        CliTest.Run r = CliTest.run("run", "--config", site.toString(), "--time-scale", "1000");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--time-scale must be between 1 and 200");
    }

    @Test
    void hiddenFromNormalHelp() {
        CliTest.Run r = CliTest.run("run", "--help");
        assertThat(r.out()).contains("--config").doesNotContain("--time-scale").doesNotContain("--clock-start");
    }
}
