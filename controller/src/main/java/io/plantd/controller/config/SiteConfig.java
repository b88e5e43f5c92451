package io.plantd.controller.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.plantd.drivers.profile.DeviceProfile;

/**
 * One site's whole configuration, validated. Built only by {@link SiteConfigLoader}, which
 * refuses a file with any error; code holding a SiteConfig can trust every field.
 */
public record SiteConfig(
        Path file,
        Site site,
        ControlSettings control,
        List<DeviceConfig> devices,
        Map<String, DeviceProfile> profiles,
        Meters meters,
        List<ChillerConfig> chillers,
        GridFeedConfig grid,
        MqttConfig mqtt,
        MetricsConfig metrics,
        LoggingConfig logging,
        ShutdownConfig shutdown,
        Path stateDir) {

    public SiteConfig {
        devices = List.copyOf(devices);
        profiles = Map.copyOf(profiles);
        chillers = List.copyOf(chillers);
    }

    public Optional<DeviceConfig> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<ChillerConfig> chiller(String id) {
        return chillers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public DeviceProfile profileOf(DeviceConfig device) {
        return profiles.get(device.profile());
    }
}
