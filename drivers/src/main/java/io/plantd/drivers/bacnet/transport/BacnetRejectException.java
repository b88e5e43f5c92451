package io.plantd.drivers.bacnet.transport;

import io.plantd.drivers.bacnet.codec.Reasons;

/** The device answered with a BACnet-Reject-PDU: it could not parse or does not offer the service. */
public final class BacnetRejectException extends BacnetException {
    private final int rejectReason;

    public BacnetRejectException(int rejectReason) {
        super("reject " + Reasons.reject(rejectReason));
        this.rejectReason = rejectReason;
    }

    public int rejectReason() {
        return rejectReason;
    }

    @Override
    public boolean deviceResponded() {
        return true;
    }
}
