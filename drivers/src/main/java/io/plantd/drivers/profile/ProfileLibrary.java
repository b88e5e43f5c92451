package io.plantd.drivers.profile;

import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigErrors;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The profiles of one directory ({@code NAME.yaml} each). Profiles are read on first use and
 * cached, so a site config only pays for (and only reports errors of) the ones it uses;
 * {@link #loadAll(Path)} validates the whole directory.
 */
public final class ProfileLibrary {
    private final Path directory;
    private final Map<String, Path> files;
    private final Map<String, Optional<DeviceProfile>> loaded = new HashMap<>();

    private ProfileLibrary(Path directory, Map<String, Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /** Lists the profiles of {@code directory}; a missing or unreadable directory is an error. */
    public static Optional<ProfileLibrary> open(Path directory, ConfigErrors errors) {
        if (!Files.isDirectory(directory)) {
            errors.add(new ConfigError(directory.toString(), 1, 1, "", "profile directory does not exist"));
            return Optional.empty();
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .forEach(p -> files.put(ProfileLoader.expectedName(p), p));
        } catch (IOException e) {
            errors.add(new ConfigError(directory.toString(), 1, 1, "", "cannot list profile directory: "
                    + e.getClass().getSimpleName()));
            return Optional.empty();
        }
        return Optional.of(new ProfileLibrary(directory, files));
    }

    /** Loads every profile of {@code directory}, or throws with the errors of all of them. */
    public static Map<String, DeviceProfile> loadAll(Path directory) throws ConfigException {
        ConfigErrors errors = new ConfigErrors();
        Map<String, DeviceProfile> result = new TreeMap<>();
        open(directory, errors).ifPresent(library -> {
            for (String name : library.names()) {
                library.get(name, errors).ifPresent(p -> result.put(name, p));
            }
        });
        errors.throwIfAny();
        return result;
    }

    public Path directory() {
        return directory;
    }

    /** Profile names available in the directory, sorted. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    public boolean contains(String name) {
        return files.containsKey(name);
    }

    /**
     * The named profile, loading it on first use; its errors go to {@code errors} once. Empty if
     * the directory has no such profile or the profile has errors.
     */
    public Optional<DeviceProfile> get(String name, ConfigErrors errors) {
        Path file = files.get(name);
        if (file == null) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(name, n -> ProfileLoader.load(file, errors));
    }
}
