package io.plantd.sim.bacnet;

import java.util.Locale;

/** Where one simulated BACnet/IP device answers: host, UDP port and device instance for a site config. */
public record BacnetEndpoint(String deviceId, String profile, String host, int port, int deviceInstance) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-8s %-20s bacnet-ip  %s:%d device %d", deviceId, profile, host, port,
                deviceInstance);
    }
}
