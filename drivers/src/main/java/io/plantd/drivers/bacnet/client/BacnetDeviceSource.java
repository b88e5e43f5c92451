package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.poll.DeviceException;
import io.plantd.drivers.poll.DeviceSource;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;

/**
 * A BACnet/IP device for the protocol-neutral pollers. It owns one UDP socket; the poller's
 * circuit breaker wraps it, so the device's own breaker is bypassed ({@link BacnetDevice#poll}).
 */
public final class BacnetDeviceSource implements DeviceSource {
    private final BacnetClient client;
    private final BacnetDevice device;

    private BacnetDeviceSource(BacnetClient client, BacnetDevice device) {
        this.client = client;
        this.device = device;
    }

    /**
     * @param peer     the device (or the router in front of an MS/TP device)
     * @param requests per-request timeout and retries
     */
    public static BacnetDeviceSource open(String id, DeviceProfile profile, PeerAddress peer, RequestOptions requests,
                                          Clock clock) {
        InetAddress local = peer.ip().getAddress() != null && peer.ip().getAddress().isLoopbackAddress()
                ? InetAddress.getLoopbackAddress() : null;
        try {
            BacnetClient client = BacnetClient.open(new InetSocketAddress(local, 0));
            BacnetDevice device = new BacnetDevice(id, profile, client, peer,
                    BacnetDeviceOptions.DEFAULT.withRequests(requests), clock);
            return new BacnetDeviceSource(client, device);
        } catch (IOException e) {
            throw new UncheckedIOException("device " + id + ": cannot open a BACnet/IP socket", e);
        }
    }

    @Override
    public String id() {
        return device.id();
    }

    @Override
    public Map<String, String> units() {
        return device.units();
    }

    @Override
    public Map<String, Long> maxAges() {
        return device.maxAges();
    }

    @Override
    public Map<String, PointValue> poll(long timestampMillis) throws DeviceException {
        try {
            return device.poll(timestampMillis);
        } catch (BacnetDeviceSilentException e) {
            throw new DeviceException(FailureKind.TIMEOUT, e.reason(), e);
        }
    }

    @Override
    public WriteResult write(String point, double value) {
        return device.write(point, value);
    }

    @Override
    public String endpoint() {
        return device.endpoint();
    }

    @Override
    public void close() {
        client.close();
    }
}
