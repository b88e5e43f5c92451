package io.plantd.drivers.bacnet.transport;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a BACnet device answers: a B/IP address, plus for a device behind a router (e.g. on
 * MS/TP) its network number and MAC address there. {@code network} is -1 for a local device;
 * an empty {@code mac} on a remote network, or network 0xFFFF, addresses a broadcast (for Who-Is).
 */
public record PeerAddress(InetSocketAddress ip, int network, byte[] mac) {
    public PeerAddress {
        Objects.requireNonNull(ip, "ip");
        mac = mac == null ? new byte[0] : mac.clone();
        if (network < -1 || network == 0 || network > 0xFFFF) {
            throw new IllegalArgumentException("network number " + network + " outside 1..65535");
        }
        if (mac.length > 255 || (network == -1 && mac.length > 0)) {
            throw new IllegalArgumentException("a MAC address needs a network number and at most 255 octets");
        }
    }

    public static PeerAddress local(InetSocketAddress ip) {
        return new PeerAddress(ip, -1, null);
    }

    public static PeerAddress routed(InetSocketAddress router, int network, byte[] mac) {
        return new PeerAddress(router, network, mac);
    }

    /** Every device on every network, through the router at {@code router} (DNET 0xFFFF). */
    public static PeerAddress globalBroadcast(InetSocketAddress router) {
        return new PeerAddress(router, 0xFFFF, null);
    }

    public boolean isRouted() {
        return network >= 0;
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerAddress p && ip.equals(p.ip) && network == p.network && Arrays.equals(mac, p.mac);
    }

    @Override
    public int hashCode() {
        return ip.hashCode() * 31 + network * 17 + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        String base = ip.getAddress().getHostAddress() + ":" + ip.getPort();
        return isRouted() ? base + " net " + network + " mac " + HexFormat.of().formatHex(mac) : base;
    }
}
