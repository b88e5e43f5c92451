package io.plantd.drivers.bacnet.transport;

import io.plantd.drivers.bacnet.codec.Reasons;

/** The device answered with a BACnet-Error-PDU. */
public final class BacnetErrorException extends BacnetException {
    private final int errorClass;
    private final int errorCode;

    public BacnetErrorException(int errorClass, int errorCode) {
        super("bacnet error " + Reasons.errorClass(errorClass) + "/" + Reasons.errorCode(errorCode));
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    public int errorClass() {
        return errorClass;
    }

    public int errorCode() {
        return errorCode;
    }

    @Override
    public boolean deviceResponded() {
        return true;
    }
}
