package io.plantd.controller.config;

import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ProfileLibrary;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.drivers.yaml.YamlDocument;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads a site config strictly and all at once: every unknown key, wrong type, missing field,
 * out-of-range value, duplicate id and dangling reference (in the site file and in the profiles
 * it uses) is collected and thrown together, each as {@code FILE:LINE:COLUMN: path: reason}.
 * Relative paths in the file are relative to the file's directory. Secrets ({@code ${ENV}} or
 * {@code file:/path}) are resolved but never appear in an error.
 */
public final class SiteConfigLoader {
    private SiteConfigLoader() {
    }

    public static SiteConfig load(Path file) throws ConfigException {
        return load(file, System::getenv);
    }

    /** {@code env} resolves {@code ${NAME}} secrets (tests pass a map). */
    public static SiteConfig load(Path file, Function<String, String> env) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Optional<YamlValue> root = YamlDocument.load(file, errors);
        if (root.isEmpty()) {
            errors.throwIfAny();
        }
        SiteConfig config = read(file, root.get().asMap(), env, errors);
        errors.throwIfAny();
        return config;
    }

    private static SiteConfig read(Path file, YamlMap m, Function<String, String> env, ConfigErrors errors) {
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        Site site = m.required("site").map(v -> SiteSection.read(v.asMap()))
                .orElse(new Site("", Double.NaN, 0, 0, OptionalDouble.empty(), ConfigDefaults.DEMAND_INTERVAL_S,
                        ConfigDefaults.CURRENCY, SiteSection.defaultTariff()));
        Optional<ProfileLibrary> library = profileLibrary(file, m, baseDir, errors);
        Path stateDir = m.get("stateDir").map(v -> baseDir.resolve(v.asString()).normalize())
                .orElse(Path.of(ConfigDefaults.STATE_DIR));
        ControlSettings control = m.get("control").map(v -> ControlSection.read(v.asMap(), site))
                .orElse(ControlSection.defaults(site));
        Map<String, DeviceSection.Entry> devices = m.required("devices").map(DeviceSection::read).orElse(Map.of());
        Optional<MeterSection.Result> meters = m.required("meters").map(v -> MeterSection.read(v.asMap()));
        Map<String, ChillerSection.Entry> chillers = m.required("chillers").map(ChillerSection::read).orElse(Map.of());
        GridSection.Result grid = m.get("grid").map(v -> GridSection.read(v.asMap(), baseDir))
                .orElse(GridSection.none());
        MqttConfig mqtt = m.get("mqtt").map(v -> NorthboundSection.mqtt(v.asMap(), site.id(), baseDir, env))
                .orElse(NorthboundSection.mqttDisabled(site.id()));
        MetricsConfig metrics = m.get("metrics").map(v -> NorthboundSection.metrics(v.asMap()))
                .orElse(NorthboundSection.metricsDefault());
        LoggingConfig logging = m.get("logging").map(v -> NorthboundSection.logging(v.asMap(), stateDir, baseDir))
                .orElse(NorthboundSection.loggingDefault(stateDir));
        ShutdownConfig shutdown = m.get("shutdown").map(v -> NorthboundSection.shutdown(v.asMap()))
                .orElse(new ShutdownConfig(io.plantd.controller.policy.DriveMode.LOCAL));
        m.rejectUnknownKeys();

        ReferenceChecks checks = new ReferenceChecks(devices, library, errors);
        Map<String, DeviceProfile> profiles = checks.resolveProfiles();
        checks.chillers(chillers);
        meters.ifPresent(r -> checks.meters(r, control.meterMaxAgeMs()));
        checks.grid(grid, mqtt);
        if (!errors.isEmpty() || meters.flatMap(MeterSection.Result::site).isEmpty()) {
            return null;
        }
        MeterSection.Result r = meters.get();
        Meters meterConfig = new Meters(r.site().get().point(), r.it().map(MeterSection.Ref::point), r.otherLoadKw());
        List<ChillerConfig> chillerConfigs = new ArrayList<>();
        chillers.values().forEach(c -> chillerConfigs.add(c.config()));
        return new SiteConfig(file, site, control, DeviceSection.configs(devices), profiles, meterConfig,
                chillerConfigs, grid.config(), mqtt, metrics, logging, shutdown, stateDir);
    }

    /**
     * {@code profilesDir} if given; otherwise {@code profiles/} next to the site file, then the
     * nearest {@code config/profiles} above it (a repository checkout), then the one under the
     * {@code plantd.root} system property.
     */
    private static Optional<ProfileLibrary> profileLibrary(Path file, YamlMap m, Path baseDir, ConfigErrors errors) {
        Optional<YamlValue> node = m.get("profilesDir");
        if (node.isPresent()) {
            Path dir = baseDir.resolve(node.get().asString()).normalize();
            if (!Files.isDirectory(dir)) {
                node.get().error("profile directory " + dir + " does not exist");
                return Optional.empty();
            }
            return ProfileLibrary.open(dir, errors);
        }
        List<Path> candidates = defaultProfileDirs(baseDir);
        for (Path dir : candidates) {
            if (Files.isDirectory(dir)) {
                return ProfileLibrary.open(dir, errors);
            }
        }
        errors.add(new ConfigError(file.toString(), 1, 1, "profilesDir", "no profile directory found (looked in "
                + candidates + "); set profilesDir"));
        return Optional.empty();
    }

    private static List<Path> defaultProfileDirs(Path baseDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(baseDir.resolve("profiles"));
        for (Path p = baseDir.getParent(); p != null; p = p.getParent()) {
            dirs.add(p.resolve("config").resolve("profiles"));
        }
        String root = System.getProperty("plantd.root");
        if (root != null && !root.isBlank()) {
            dirs.add(Path.of(root).resolve("config").resolve("profiles").toAbsolutePath().normalize());
        }
        return dirs;
    }
}
