package io.plantd.drivers.bacnet.codec;

/** Decodes the fixed part of each APDU type (clause 20.1). */
final class ApduCodec {
    private ApduCodec() {
    }

    static Apdu decode(byte[] apdu) {
        TagReader r = new TagReader(apdu);
        int first = r.octet();
        int type = first >>> 4;
        switch (type) {
            case Apdu.CONFIRMED_REQUEST: {
                boolean segmented = (first & 0x08) != 0;
                boolean accepted = (first & 0x02) != 0;
                int second = r.octet();
                int invokeId = r.octet();
                if (segmented) {
                    r.octet(); // sequence number
                    r.octet(); // proposed window size
                }
                int service = r.octet();
                return new Apdu.ConfirmedRequest(segmented, accepted, (second >>> 4) & 0x07, second & 0x0F,
                        invokeId, service, r.rest());
            }
            case Apdu.UNCONFIRMED_REQUEST:
                return new Apdu.UnconfirmedRequest(r.octet(), r.rest());
            case Apdu.SIMPLE_ACK:
                return new Apdu.SimpleAck(r.octet(), r.octet());
            case Apdu.COMPLEX_ACK: {
                boolean segmented = (first & 0x08) != 0;
                boolean more = (first & 0x04) != 0;
                int invokeId = r.octet();
                int seq = 0;
                int window = 0;
                if (segmented) {
                    seq = r.octet();
                    window = r.octet();
                }
                return new Apdu.ComplexAck(segmented, more, invokeId, seq, window, r.octet(), r.rest());
            }
            case Apdu.SEGMENT_ACK:
                return new Apdu.SegmentAck((first & 0x02) != 0, (first & 0x01) != 0, r.octet(), r.octet(), r.octet());
            case Apdu.ERROR: {
                int invokeId = r.octet();
                int service = r.octet();
                // Some services wrap the Error in context tag 0 (e.g. WritePropertyMultiple):
                // step into it so the class and code still come out.
                if (r.nextIsOpening(0)) {
                    r.readTag();
                }
                BacnetValue cls = r.readValue();
                BacnetValue code = r.readValue();
                if (!(cls instanceof BacnetValue.EnumeratedValue c) || !(code instanceof BacnetValue.EnumeratedValue e)) {
                    throw new BacnetCodecException("Error-PDU without enumerated error class and code");
                }
                return new Apdu.ErrorPdu(invokeId, service, (int) c.value(), (int) e.value());
            }
            case Apdu.REJECT:
                return new Apdu.RejectPdu(r.octet(), r.octet());
            case Apdu.ABORT:
                return new Apdu.AbortPdu((first & 0x01) != 0, r.octet(), r.octet());
            default:
                throw new BacnetCodecException("reserved APDU type " + type);
        }
    }
}
