package io.plantd.app.probe;

import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.yaml.ConfigException;
import java.nio.file.Path;
import java.util.Optional;

/** Where {@code plantd probe} gets its device: a site config, or a profile file plus flags. */
public interface ProbeTargets {

    /** The configured device {@code deviceId} of the site config {@code config}. */
    ProbeTarget fromSiteConfig(Path config, String deviceId) throws ConfigException;

    /**
     * The configured device {@code deviceId} when it is a BACnet/IP device; empty for a Modbus one
     * (then {@link #fromSiteConfig} applies).
     */
    default Optional<BacnetProbeTarget> bacnetFromSiteConfig(Path config, String deviceId) throws ConfigException {
        return Optional.empty();
    }

    /** A profile file on its own, for commissioning a device before any site config exists. */
    DeviceProfile profile(Path profileFile) throws ConfigException;
}
