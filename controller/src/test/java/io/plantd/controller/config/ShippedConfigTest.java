package io.plantd.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ProfileLibrary;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

/** Every file shipped under config/sites and config/profiles must load without a single error. */
class ShippedConfigTest {
    private static Path root() {
        String root = System.getProperty("plantd.root");
        assertThat(root).as("surefire sets plantd.root").isNotBlank();
        return Path.of(root);
    }

    @Test
    void everyShippedProfileLoads() throws ConfigException {
        Path dir = root().resolve("config/profiles");
        Map<String, DeviceProfile> profiles = ProfileLibrary.loadAll(dir);
        assertThat(profiles).containsKeys("generic-hybrid-chiller", "sunspec-203-meter", "siemens-pac3200",
                "generic-grid-gateway");
    }

    @TestFactory
    Stream<DynamicTest> everyShippedSiteLoads() throws IOException {
        List<Path> sites;
        try (Stream<Path> s = Files.list(root().resolve("config/sites"))) {
            sites = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(sites).isNotEmpty();
        return sites.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            try {
                SiteConfig config = SiteConfigLoader.load(p, name -> null);
                assertThat(config.devices()).isNotEmpty();
                assertThat(config.chillers()).isNotEmpty();
            } catch (ConfigException e) {
                throw new AssertionError("shipped site " + p + " has errors:\n" + e.getMessage(), e);
            }
        }));
    }
}
