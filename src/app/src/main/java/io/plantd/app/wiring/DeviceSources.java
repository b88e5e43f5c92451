package io.plantd.app.wiring;

import io.plantd.controller.config.Connection;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.drivers.bacnet.client.BacnetDeviceSource;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.poll.DeviceSource;
import io.plantd.drivers.poll.PollSettings;
import io.plantd.drivers.profile.DeviceProfile;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** Builds the protocol driver for a configured device; the only place that knows which protocols exist. */
public final class DeviceSources {
    private DeviceSources() {
    }

    public static DeviceSource create(DeviceConfig device, DeviceProfile profile, Clock clock) {
        if (device.connection() instanceof Connection.BacnetIp b) {
            return BacnetDeviceSource.open(device.id(), profile, bacnetPeer(b), bacnetRequests(b), clock);
        }
        return ConnectionSettings.modbusDevice(device, profile);
    }

    /** The device's BACnet address: its own IP, or the router in front of it plus network and MAC. */
    public static PeerAddress bacnetPeer(Connection.BacnetIp b) {
        InetSocketAddress ip = new InetSocketAddress(b.host(), b.port());
        return b.network() == 0 ? PeerAddress.local(ip)
                : PeerAddress.routed(ip, b.network(), HexFormat.ofDelimiter(":").parseHex(b.macAddress()));
    }

    public static RequestOptions bacnetRequests(Connection.BacnetIp b) {
        return new RequestOptions(Duration.ofMillis(b.timeoutMs()), b.retries());
    }

    public static PollSettings pollSettings(DeviceConfig device) {
        return ConnectionSettings.pollSettings(device);
    }
}
