package io.plantd.app.probe;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.codec.WhoIs;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code plantd probe --who-is}: sends one Who-Is (optionally limited to an instance range) to an
 * address and lists the devices whose I-Am arrives within the wait. A broadcast address reaches a
 * whole subnet; a device's own address checks that one device.
 */
public final class WhoIsScan {
    private final InetSocketAddress target;
    private final WhoIs range;
    private final Duration wait;

    public WhoIsScan(InetSocketAddress target, WhoIs range, Duration wait) {
        this.target = target;
        this.range = range;
        this.wait = wait;
    }

    public List<DeviceInfo> run() throws IOException, InterruptedException {
        InetAddress ip = target.getAddress();
        InetAddress local = ip != null && ip.isLoopbackAddress() ? InetAddress.getLoopbackAddress() : null;
        try (BacnetClient client = BacnetClient.open(new InetSocketAddress(local, 0))) {
            if (ip != null && isBroadcast(ip)) {
                return client.whoIsBroadcast(target, range, wait);
            }
            return client.whoIs(PeerAddress.local(target), range, wait);
        }
    }

    private static boolean isBroadcast(InetAddress ip) {
        byte[] a = ip.getAddress();
        return a.length == 4 && (a[3] & 0xFF) == 255;
    }

    public String describeRange() {
        return range.hasRange() ? "instances " + range.lowLimit() + ".." + range.highLimit() : "all instances";
    }

    public void print(List<DeviceInfo> found, PrintWriter out) {
        out.printf(Locale.ROOT, "Who-Is to %s:%d (%s), waited %d ms: %d device(s)%n", target.getHostString(),
                target.getPort(), describeRange(), wait.toMillis(), found.size());
        if (!found.isEmpty()) {
            String format = "%10s  %-28s  %8s  %6s  %s%n";
            out.printf(Locale.ROOT, format, "INSTANCE", "ADDRESS", "MAX APDU", "VENDOR", "SEGMENTATION");
            for (DeviceInfo d : found) {
                out.printf(Locale.ROOT, format, d.instance(), d.address(), d.iAm().maxApduLengthAccepted(),
                        d.iAm().vendorId(), segmentation(d.iAm().segmentationSupported()));
            }
        }
        out.flush();
    }

    private static String segmentation(int code) {
        return switch (code) {
            case 0 -> "both";
            case 1 -> "transmit";
            case 2 -> "receive";
            case 3 -> "none";
            default -> "unknown (" + code + ")";
        };
    }
}
