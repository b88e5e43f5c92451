package io.plantd.drivers.bacnet.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** BACnet Virtual Link Control for BACnet/IP (Annex J): the 4-octet header of every datagram. */
public final class Bvlc {
    public static final int TYPE_BACNET_IP = 0x81;
    public static final int RESULT = 0x00;
    public static final int FORWARDED_NPDU = 0x04;
    public static final int REGISTER_FOREIGN_DEVICE = 0x05;
    public static final int DISTRIBUTE_BROADCAST_TO_NETWORK = 0x09;
    public static final int ORIGINAL_UNICAST_NPDU = 0x0A;
    public static final int ORIGINAL_BROADCAST_NPDU = 0x0B;

    public static final int RESULT_SUCCESSFUL_COMPLETION = 0x0000;
    public static final int RESULT_REGISTER_FOREIGN_DEVICE_NAK = 0x0030;

    /** A decoded BVLC message. {@code origin} is set only for Forwarded-NPDU (J.2.5). */
    public record Message(int function, byte[] npdu, InetSocketAddress origin, int resultCode, int timeToLiveSeconds) {
        public boolean carriesNpdu() {
            return function == ORIGINAL_UNICAST_NPDU || function == ORIGINAL_BROADCAST_NPDU
                    || function == FORWARDED_NPDU || function == DISTRIBUTE_BROADCAST_TO_NETWORK;
        }
    }

    private Bvlc() {
    }

    public static byte[] originalUnicast(byte[] npdu) {
        return frame(ORIGINAL_UNICAST_NPDU, new byte[0], npdu);
    }

    public static byte[] originalBroadcast(byte[] npdu) {
        return frame(ORIGINAL_BROADCAST_NPDU, new byte[0], npdu);
    }

    /** What a registered foreign device sends its BBMD instead of a local broadcast (J.2.7). */
    public static byte[] distributeBroadcastToNetwork(byte[] npdu) {
        return frame(DISTRIBUTE_BROADCAST_TO_NETWORK, new byte[0], npdu);
    }

    public static byte[] forwarded(InetSocketAddress origin, byte[] npdu) {
        return frame(FORWARDED_NPDU, ipPort(origin), npdu);
    }

    public static byte[] registerForeignDevice(int timeToLiveSeconds) {
        if (timeToLiveSeconds < 1 || timeToLiveSeconds > 0xFFFF) {
            throw new IllegalArgumentException("time-to-live " + timeToLiveSeconds + " outside 1..65535 s");
        }
        return frame(REGISTER_FOREIGN_DEVICE, new byte[] {(byte) (timeToLiveSeconds >>> 8), (byte) timeToLiveSeconds},
                new byte[0]);
    }

    public static byte[] result(int resultCode) {
        return frame(RESULT, new byte[] {(byte) (resultCode >>> 8), (byte) resultCode}, new byte[0]);
    }

    private static byte[] frame(int function, byte[] extra, byte[] npdu) {
        int length = 4 + extra.length + npdu.length;
        byte[] out = new byte[length];
        out[0] = (byte) TYPE_BACNET_IP;
        out[1] = (byte) function;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        System.arraycopy(extra, 0, out, 4, extra.length);
        System.arraycopy(npdu, 0, out, 4 + extra.length, npdu.length);
        return out;
    }

    public static Message decode(byte[] datagram, int length) {
        TagReader r = new TagReader(datagram, 0, length);
        if (r.remaining() < 4) {
            throw new BacnetCodecException("BVLC shorter than its 4-octet header");
        }
        int type = r.octet();
        if (type != TYPE_BACNET_IP) {
            throw new BacnetCodecException(String.format("BVLC type 0x%02X is not BACnet/IP (0x81)", type));
        }
        int function = r.octet();
        int declared = r.u16();
        if (declared != length) {
            throw new BacnetCodecException("BVLC length " + declared + " but datagram has " + length + " octets");
        }
        return switch (function) {
            case ORIGINAL_UNICAST_NPDU, ORIGINAL_BROADCAST_NPDU, DISTRIBUTE_BROADCAST_TO_NETWORK ->
                    new Message(function, r.rest(), null, -1, -1);
            case FORWARDED_NPDU -> {
                InetSocketAddress origin = readIpPort(r);
                yield new Message(function, r.rest(), origin, -1, -1);
            }
            case RESULT -> new Message(function, new byte[0], null, r.u16(), -1);
            case REGISTER_FOREIGN_DEVICE -> new Message(function, new byte[0], null, -1, r.u16());
            default -> new Message(function, new byte[0], null, -1, -1); // BBMD table management: not ours
        };
    }

    static byte[] ipPort(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (!(ip instanceof Inet4Address)) {
            throw new IllegalArgumentException("BACnet/IP needs an IPv4 address, got " + address);
        }
        byte[] a = ip.getAddress();
        int port = address.getPort();
        return new byte[] {a[0], a[1], a[2], a[3], (byte) (port >>> 8), (byte) port};
    }

    static InetSocketAddress readIpPort(TagReader r) {
        byte[] a = r.octets(4);
        int port = r.u16();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(a), port);
        } catch (UnknownHostException e) {
            throw new BacnetCodecException("bad B/IP address: " + e.getMessage());
        }
    }
}
