package io.plantd.app.e2e;

import io.plantd.app.simsite.SimSiteFile;
import io.plantd.sim.modbus.DeviceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A copy of a shipped simulator site config ({@code config/sites/sim-NAME.yaml}) for one test
 * run: every device pointed at the port the simulator actually bound, profiles from the
 * checkout, state and decision log in the run's own folder, and the metrics endpoint on a given
 * port when asked. Everything else (margins, engine limits, lead times) is the shipped file.
 */
final class E2eSite {
    private E2eSite() {
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config/scenarios"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no config/scenarios above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path scenario(String name) {
        return repoRoot().resolve("config/scenarios/" + name + ".yaml");
    }

    static Path shippedSite(String name) {
        return repoRoot().resolve("config/sites/sim-" + name + ".yaml");
    }

    /** Writes {@code folder/site.yaml} from the shipped {@code sim-SCENARIO.yaml}; returns its path. */
    static Path write(String scenario, List<DeviceEndpoint> endpoints, Path folder, OptionalInt metricsPort)
            throws IOException {
        return SimSiteFile.write(shippedSite(scenario), repoRoot().resolve("config/profiles"),
                new SimSiteFile.Binding(endpoints, metricsPort, Optional.empty()), folder);
    }
}
