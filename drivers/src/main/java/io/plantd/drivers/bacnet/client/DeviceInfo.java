package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.transport.PeerAddress;

/** A device that answered Who-Is: where it is and what its I-Am said. */
public record DeviceInfo(PeerAddress address, IAm iAm) {
    public int instance() {
        return iAm.device().instance();
    }

    /** The largest APDU the device accepts, capped at what fits one BACnet/IP datagram. */
    public int maxApduLength() {
        return (int) Math.min(iAm.maxApduLengthAccepted(), io.plantd.drivers.bacnet.codec.MaxApdu.BACNET_IP);
    }

    @Override
    public String toString() {
        return ObjectTypes.name(iAm.device().type()) + " " + instance() + " at " + address
                + " (max APDU " + iAm.maxApduLengthAccepted() + ", vendor " + iAm.vendorId() + ")";
    }
}
