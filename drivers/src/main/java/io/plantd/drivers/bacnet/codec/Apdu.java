package io.plantd.drivers.bacnet.codec;

import java.util.Arrays;

/** The application-layer PDUs of clause 20.1. Service payloads stay raw octets here. */
public sealed interface Apdu {
    int CONFIRMED_REQUEST = 0;
    int UNCONFIRMED_REQUEST = 1;
    int SIMPLE_ACK = 2;
    int COMPLEX_ACK = 3;
    int SEGMENT_ACK = 4;
    int ERROR = 5;
    int REJECT = 6;
    int ABORT = 7;

    /** Invoke ID of a confirmed exchange, -1 for unconfirmed requests. */
    int invokeId();

    byte[] encode();

    static Apdu decode(byte[] apdu) {
        return ApduCodec.decode(apdu);
    }

    /**
     * BACnet-Confirmed-Request-PDU. plantd never sends segmented requests; {@code segmented}
     * is decoded so a server can refuse one.
     */
    record ConfirmedRequest(boolean segmented, boolean segmentedResponseAccepted, int maxSegmentsCode,
                            int maxApduCode, int invokeId, int service, byte[] serviceRequest) implements Apdu {
        public ConfirmedRequest {
            serviceRequest = serviceRequest.clone();
        }

        /** An unsegmented request that refuses segmented responses, as plantd always sends. */
        public static ConfirmedRequest unsegmented(int maxApduAccepted, int invokeId, int service, byte[] request) {
            return new ConfirmedRequest(false, false, 0, MaxApdu.codeFor(maxApduAccepted), invokeId, service, request);
        }

        @Override
        public byte[] serviceRequest() {
            return serviceRequest.clone();
        }

        public int maxApduLength() {
            return MaxApdu.lengthOf(maxApduCode);
        }

        @Override
        public byte[] encode() {
            if (segmented) {
                throw new IllegalStateException("plantd does not send segmented requests");
            }
            TagWriter w = new TagWriter();
            w.octet((CONFIRMED_REQUEST << 4) | (segmentedResponseAccepted ? 0x02 : 0));
            w.octet(((maxSegmentsCode & 0x07) << 4) | (maxApduCode & 0x0F));
            w.octet(invokeId).octet(service).octets(serviceRequest);
            return w.toByteArray();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfirmedRequest c && segmented == c.segmented
                    && segmentedResponseAccepted == c.segmentedResponseAccepted
                    && maxSegmentsCode == c.maxSegmentsCode && maxApduCode == c.maxApduCode
                    && invokeId == c.invokeId && service == c.service && Arrays.equals(serviceRequest, c.serviceRequest);
        }

        @Override
        public int hashCode() {
            return invokeId * 31 + service;
        }
    }

    record UnconfirmedRequest(int service, byte[] serviceRequest) implements Apdu {
        public UnconfirmedRequest {
            serviceRequest = serviceRequest.clone();
        }

        @Override
        public byte[] serviceRequest() {
            return serviceRequest.clone();
        }

        @Override
        public int invokeId() {
            return -1;
        }

        @Override
        public byte[] encode() {
            return new TagWriter().octet(UNCONFIRMED_REQUEST << 4).octet(service).octets(serviceRequest).toByteArray();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnconfirmedRequest u && service == u.service
                    && Arrays.equals(serviceRequest, u.serviceRequest);
        }

        @Override
        public int hashCode() {
            return service;
        }
    }

    record SimpleAck(int invokeId, int service) implements Apdu {
        @Override
        public byte[] encode() {
            return new byte[] {(byte) (SIMPLE_ACK << 4), (byte) invokeId, (byte) service};
        }
    }

    /** BACnet-ComplexACK-PDU; {@code segmented} replies are refused by plantd with an Abort. */
    record ComplexAck(boolean segmented, boolean moreFollows, int invokeId, int sequenceNumber,
                      int proposedWindowSize, int service, byte[] serviceAck) implements Apdu {
        public ComplexAck {
            serviceAck = serviceAck.clone();
        }

        public static ComplexAck of(int invokeId, int service, byte[] ack) {
            return new ComplexAck(false, false, invokeId, 0, 0, service, ack);
        }

        @Override
        public byte[] serviceAck() {
            return serviceAck.clone();
        }

        @Override
        public byte[] encode() {
            TagWriter w = new TagWriter();
            w.octet((COMPLEX_ACK << 4) | (segmented ? 0x08 : 0) | (moreFollows ? 0x04 : 0));
            w.octet(invokeId);
            if (segmented) {
                w.octet(sequenceNumber).octet(proposedWindowSize);
            }
            return w.octet(service).octets(serviceAck).toByteArray();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ComplexAck c && segmented == c.segmented && moreFollows == c.moreFollows
                    && invokeId == c.invokeId && sequenceNumber == c.sequenceNumber
                    && proposedWindowSize == c.proposedWindowSize && service == c.service
                    && Arrays.equals(serviceAck, c.serviceAck);
        }

        @Override
        public int hashCode() {
            return invokeId * 31 + service;
        }
    }

    record SegmentAck(boolean negative, boolean fromServer, int invokeId, int sequenceNumber, int windowSize)
            implements Apdu {
        @Override
        public byte[] encode() {
            return new byte[] {(byte) ((SEGMENT_ACK << 4) | (negative ? 0x02 : 0) | (fromServer ? 0x01 : 0)),
                    (byte) invokeId, (byte) sequenceNumber, (byte) windowSize};
        }
    }

    /** BACnet-Error-PDU with the plain Error production (class, code) of ReadProperty/WriteProperty. */
    record ErrorPdu(int invokeId, int service, int errorClass, int errorCode) implements Apdu {
        @Override
        public byte[] encode() {
            TagWriter w = new TagWriter().octet(ERROR << 4).octet(invokeId).octet(service);
            w.value(new BacnetValue.EnumeratedValue(errorClass)).value(new BacnetValue.EnumeratedValue(errorCode));
            return w.toByteArray();
        }

        public String describe() {
            return Reasons.errorClass(errorClass) + "/" + Reasons.errorCode(errorCode);
        }
    }

    record RejectPdu(int invokeId, int reason) implements Apdu {
        @Override
        public byte[] encode() {
            return new byte[] {(byte) (REJECT << 4), (byte) invokeId, (byte) reason};
        }
    }

    record AbortPdu(boolean fromServer, int invokeId, int reason) implements Apdu {
        @Override
        public byte[] encode() {
            return new byte[] {(byte) ((ABORT << 4) | (fromServer ? 0x01 : 0)), (byte) invokeId, (byte) reason};
        }
    }
}
