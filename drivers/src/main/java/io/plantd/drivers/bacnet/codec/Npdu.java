package io.plantd.drivers.bacnet.codec;

import java.util.Arrays;

/**
 * The network layer header (clause 6.2). {@code dnet}/{@code snet} are -1 when absent; a DNET
 * of 0xFFFF is a global broadcast. DADR/SADR of length 0 mean a broadcast on that network.
 */
public record Npdu(
        boolean networkLayerMessage,
        boolean expectingReply,
        int priority,
        int dnet,
        byte[] dadr,
        int snet,
        byte[] sadr,
        int hopCount,
        int messageType,
        byte[] apdu) {

    public static final int VERSION = 0x01;
    public static final int DEFAULT_HOP_COUNT = 255;

    public Npdu {
        dadr = dadr == null ? new byte[0] : dadr.clone();
        sadr = sadr == null ? new byte[0] : sadr.clone();
        apdu = apdu == null ? new byte[0] : apdu.clone();
    }

    /** A local APDU with no routing information. */
    public static Npdu local(boolean expectingReply, byte[] apdu) {
        return new Npdu(false, expectingReply, 0, -1, null, -1, null, 0, -1, apdu);
    }

    /** An APDU for a device on remote network {@code dnet} at MAC {@code dadr}, via a router. */
    public static Npdu routed(boolean expectingReply, int dnet, byte[] dadr, byte[] apdu) {
        return new Npdu(false, expectingReply, 0, dnet, dadr, -1, null, DEFAULT_HOP_COUNT, -1, apdu);
    }

    public boolean hasDestination() {
        return dnet >= 0;
    }

    public boolean hasSource() {
        return snet >= 0;
    }

    @Override
    public byte[] dadr() {
        return dadr.clone();
    }

    @Override
    public byte[] sadr() {
        return sadr.clone();
    }

    @Override
    public byte[] apdu() {
        return apdu.clone();
    }

    public byte[] encode() {
        TagWriter w = new TagWriter();
        w.octet(VERSION);
        int control = (networkLayerMessage ? 0x80 : 0) | (hasDestination() ? 0x20 : 0) | (hasSource() ? 0x08 : 0)
                | (expectingReply ? 0x04 : 0) | (priority & 0x03);
        w.octet(control);
        if (hasDestination()) {
            w.u16(dnet).octet(dadr.length).octets(dadr);
        }
        if (hasSource()) {
            if (sadr.length == 0) {
                throw new IllegalArgumentException("SNET present but SADR empty (clause 6.2.2)");
            }
            w.u16(snet).octet(sadr.length).octets(sadr);
        }
        if (hasDestination()) {
            w.octet(hopCount);
        }
        if (networkLayerMessage) {
            w.octet(messageType);
        }
        w.octets(apdu);
        return w.toByteArray();
    }

    public static Npdu decode(byte[] bytes) {
        TagReader r = new TagReader(bytes);
        int version = r.octet();
        if (version != VERSION) {
            throw new BacnetCodecException("NPDU protocol version " + version + " is not 1");
        }
        int control = r.octet();
        if ((control & 0x50) != 0) {
            throw new BacnetCodecException(String.format("NPDU control 0x%02X has reserved bits set", control));
        }
        boolean network = (control & 0x80) != 0;
        int dnet = -1;
        byte[] dadr = null;
        int snet = -1;
        byte[] sadr = null;
        int hop = 0;
        if ((control & 0x20) != 0) {
            dnet = r.u16();
            dadr = r.octets(r.octet());
        }
        if ((control & 0x08) != 0) {
            snet = r.u16();
            int slen = r.octet();
            if (slen == 0) {
                throw new BacnetCodecException("NPDU with SNET " + snet + " but SLEN 0");
            }
            sadr = r.octets(slen);
        }
        if (dnet >= 0) {
            hop = r.octet();
        }
        int type = -1;
        if (network) {
            type = r.octet();
            if (type >= 0x80) {
                r.u16(); // proprietary message: vendor id precedes the content
            }
        }
        return new Npdu(network, (control & 0x04) != 0, control & 0x03, dnet, dadr, snet, sadr, hop, type, r.rest());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Npdu n && networkLayerMessage == n.networkLayerMessage
                && expectingReply == n.expectingReply && priority == n.priority && dnet == n.dnet
                && Arrays.equals(dadr, n.dadr) && snet == n.snet && Arrays.equals(sadr, n.sadr)
                && hopCount == n.hopCount && messageType == n.messageType && Arrays.equals(apdu, n.apdu);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(apdu) * 31 + dnet * 17 + snet;
    }
}
