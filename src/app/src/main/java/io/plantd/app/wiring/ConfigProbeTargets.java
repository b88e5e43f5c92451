package io.plantd.app.wiring;

import io.plantd.app.probe.ProbeTarget;
import io.plantd.app.probe.ProbeTargets;
import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.ProfileLoader;
import io.plantd.drivers.yaml.ConfigException;
import java.nio.file.Path;

/** The probe's targets from the real config files, validated by the same loaders as {@code run}. */
public final class ConfigProbeTargets implements ProbeTargets {
    @Override
    public ProbeTarget fromSiteConfig(Path config, String deviceId) throws ConfigException {
        SiteConfig site = SiteConfigLoader.load(config);
        DeviceConfig device = site.device(deviceId).orElseThrow(() -> new IllegalArgumentException(
                "no device '" + deviceId + "' in " + config + "; configured: "
                        + site.devices().stream().map(DeviceConfig::id).toList()));
        if (device.connection() instanceof Connection.BacnetIp) {
            throw new UnsupportedOperationException("device '" + deviceId + "' is BACnet/IP; probe reads Modbus devices");
        }
        return new ProbeTarget(device.id(), site.profileOf(device), ConnectionSettings.fromConfig(device.connection()));
    }

    @Override
    public DeviceProfile profile(Path profileFile) throws ConfigException {
        return ProfileLoader.load(profileFile);
    }
}
