package io.plantd.sim.modbus;

import io.plantd.drivers.profile.DeviceKind;

/** Where one simulated device listens: the host, bound port and unit id to put in a site config. */
public record DeviceEndpoint(String deviceId, DeviceKind kind, String profile, String host, int port, int unitId) {
    @Override
    public String toString() {
        return String.format("%-8s %-20s modbus-tcp %s:%d unit %d", deviceId, profile, host, port, unitId);
    }
}
