package io.plantd.app.probe;

import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.profile.DeviceProfile;

/**
 * One BACnet/IP device to probe: its id, its profile, where it answers (directly, or through a
 * router for an MS/TP device), the device instance it should announce, and the request timing.
 */
public record BacnetProbeTarget(String deviceId, DeviceProfile profile, PeerAddress peer, int deviceInstance,
                                RequestOptions requests) {
}
