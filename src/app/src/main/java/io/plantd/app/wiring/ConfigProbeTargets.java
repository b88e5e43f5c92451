package io.plantd.app.wiring;

import io.plantd.app.probe.BacnetProbeTarget;
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
import java.util.Optional;

/** The probe's targets from the real config files, validated by the same loaders as {@code run}. */
public final class ConfigProbeTargets implements ProbeTargets {
    @Override
    public ProbeTarget fromSiteConfig(Path config, String deviceId) throws ConfigException {
        SiteConfig site = SiteConfigLoader.load(config);
        DeviceConfig device = device(site, config, deviceId);
        if (device.connection() instanceof Connection.BacnetIp) {
            throw new IllegalArgumentException("device '" + deviceId + "' is BACnet/IP, not Modbus");
        }
        return new ProbeTarget(device.id(), site.profileOf(device), ConnectionSettings.fromConfig(device.connection()));
    }

    @Override
    public Optional<BacnetProbeTarget> bacnetFromSiteConfig(Path config, String deviceId) throws ConfigException {
        SiteConfig site = SiteConfigLoader.load(config);
        DeviceConfig device = device(site, config, deviceId);
        if (!(device.connection() instanceof Connection.BacnetIp b)) {
            return Optional.empty();
        }
        return Optional.of(new BacnetProbeTarget(device.id(), site.profileOf(device), DeviceSources.bacnetPeer(b),
                b.deviceInstance(), DeviceSources.bacnetRequests(b)));
    }

    private static DeviceConfig device(SiteConfig site, Path config, String deviceId) {
        return site.device(deviceId).orElseThrow(() -> new IllegalArgumentException(
                "no device '" + deviceId + "' in " + config + "; configured: "
                        + site.devices().stream().map(DeviceConfig::id).toList()));
    }

    @Override
    public DeviceProfile profile(Path profileFile) throws ConfigException {
        return ProfileLoader.load(profileFile);
    }
}
