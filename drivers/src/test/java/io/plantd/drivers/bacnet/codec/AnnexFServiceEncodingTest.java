package io.plantd.drivers.bacnet.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * APDU examples of ASHRAE 135 Annex F (F.3.5 ReadProperty, F.3.7 ReadPropertyMultiple,
 * F.3.9 WriteProperty), reproduced octet by octet from the standard's text. Where the standard
 * prints no example (the error cases, I-Am, Who-Is with a range) the bytes were derived by hand
 * from clauses 20.1/20.2 and 15.x/16.x and are marked "derived". None is this encoder's output.
 */
class AnnexFServiceEncodingTest {
    private static final ObjectIdentifier ANALOG_INPUT_5 = new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 5);
    private static final ObjectIdentifier ANALOG_INPUT_16 = new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 16);
    private static final ObjectIdentifier ANALOG_VALUE_1 = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 1);

    // F.3.5: ReadProperty of Present_Value of Analog Input 5, invoke ID 1, max APDU 206.
    private static final String READ_PROPERTY_REQUEST = "00 02 01 0C 0C 00000005 19 55";
    private static final String READ_PROPERTY_ACK = "30 01 0C 0C 00000005 19 55 3E 44 4290999A 3F";

    // F.3.7: ReadPropertyMultiple of Present_Value and Reliability of Analog Input 16, invoke ID 241.
    private static final String RPM_REQUEST = "00 04 F1 0E 0C 00000010 1E 09 55 09 67 1F";
    private static final String RPM_ACK = "30 F1 0E 0C 00000010 1E 29 55 4E 44 4290999A 4F 29 67 4E 91 00 4F 1F";

    // F.3.9: WriteProperty of 180.0 to Present_Value of Analog Value 1, invoke ID 89, and its Simple-ACK.
    private static final String WRITE_PROPERTY_REQUEST = "00 04 59 0F 0C 00800001 19 55 3E 44 43340000 3F";
    private static final String WRITE_PROPERTY_ACK = "20 59 0F";

    @Test
    void readPropertyRequest() {
        byte[] apdu = new Apdu.ConfirmedRequest(false, false, 0, MaxApdu.codeFor(206), 1, ServiceChoice.READ_PROPERTY,
                ReadProperty.encodeRequest(PropertyReference.of(ANALOG_INPUT_5, PropertyIds.PRESENT_VALUE))).encode();
        assertThat(Hex.of(apdu)).isEqualTo(hex(READ_PROPERTY_REQUEST));

        Apdu.ConfirmedRequest decoded = (Apdu.ConfirmedRequest) Apdu.decode(Hex.bytes(READ_PROPERTY_REQUEST));
        assertThat(decoded.invokeId()).isEqualTo(1);
        assertThat(decoded.maxApduLength()).isEqualTo(206);
        assertThat(decoded.segmentedResponseAccepted()).isFalse();
        assertThat(ReadProperty.decodeRequest(decoded.serviceRequest()))
                .isEqualTo(PropertyReference.of(ANALOG_INPUT_5, 85));
    }

    @Test
    void readPropertyAck() {
        byte[] apdu = Apdu.ComplexAck.of(1, ServiceChoice.READ_PROPERTY, ReadProperty.encodeAck(
                PropertyReference.of(ANALOG_INPUT_5, 85), List.of(new BacnetValue.RealValue(72.3f)))).encode();
        assertThat(Hex.of(apdu)).isEqualTo(hex(READ_PROPERTY_ACK));

        Apdu.ComplexAck decoded = (Apdu.ComplexAck) Apdu.decode(Hex.bytes(READ_PROPERTY_ACK));
        assertThat(decoded.invokeId()).isEqualTo(1);
        assertThat(decoded.service()).isEqualTo(ServiceChoice.READ_PROPERTY);
        ReadProperty.Ack ack = ReadProperty.decodeAck(decoded.serviceAck());
        assertThat(ack.reference()).isEqualTo(PropertyReference.of(ANALOG_INPUT_5, 85));
        assertThat(ack.values()).containsExactly(new BacnetValue.RealValue(72.3f));
    }

    @Test
    void readPropertyMultipleRequest() {
        byte[] apdu = new Apdu.ConfirmedRequest(false, false, 0, MaxApdu.codeFor(1024), 241,
                ServiceChoice.READ_PROPERTY_MULTIPLE, ReadPropertyMultiple.encodeRequest(List.of(
                        PropertyReference.of(ANALOG_INPUT_16, PropertyIds.PRESENT_VALUE),
                        PropertyReference.of(ANALOG_INPUT_16, PropertyIds.RELIABILITY)))).encode();
        assertThat(Hex.of(apdu)).isEqualTo(hex(RPM_REQUEST));

        Apdu.ConfirmedRequest decoded = (Apdu.ConfirmedRequest) Apdu.decode(Hex.bytes(RPM_REQUEST));
        assertThat(decoded.maxApduLength()).isEqualTo(1024);
        assertThat(ReadPropertyMultiple.decodeRequest(decoded.serviceRequest())).containsExactly(
                PropertyReference.of(ANALOG_INPUT_16, 85), PropertyReference.of(ANALOG_INPUT_16, 103));
    }

    @Test
    void readPropertyMultipleAck() {
        List<PropertyResult> results = List.of(
                PropertyResult.ok(PropertyReference.of(ANALOG_INPUT_16, 85), List.of(new BacnetValue.RealValue(72.3f))),
                PropertyResult.ok(PropertyReference.of(ANALOG_INPUT_16, 103), List.of(new BacnetValue.EnumeratedValue(0))));
        byte[] apdu = Apdu.ComplexAck.of(241, ServiceChoice.READ_PROPERTY_MULTIPLE,
                ReadPropertyMultiple.encodeAck(results)).encode();
        assertThat(Hex.of(apdu)).isEqualTo(hex(RPM_ACK));

        Apdu.ComplexAck decoded = (Apdu.ComplexAck) Apdu.decode(Hex.bytes(RPM_ACK));
        assertThat(ReadPropertyMultiple.decodeAck(decoded.serviceAck())).isEqualTo(results);
    }

    @Test
    void readPropertyMultipleAckWithAPropertyAccessError_derived() {
        // Derived by hand (clause 15.7.1.3.2): AI 16 present-value = 72.3, AI 50 unknown-object.
        // [0] 00000032, [1]{ [2] 55, [5]{ enum 1 (object), enum 31 (unknown-object) } }
        String hex = "0C 00000010 1E 29 55 4E 44 4290999A 4F 1F 0C 00000032 1E 29 55 5E 91 01 91 1F 5F 1F";
        ObjectIdentifier ai50 = new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 50);
        List<PropertyResult> results = List.of(
                PropertyResult.ok(PropertyReference.of(ANALOG_INPUT_16, 85), List.of(new BacnetValue.RealValue(72.3f))),
                PropertyResult.error(PropertyReference.of(ai50, 85), 1, 31));
        assertThat(Hex.of(ReadPropertyMultiple.encodeAck(results))).isEqualTo(hex(hex));
        List<PropertyResult> decoded = ReadPropertyMultiple.decodeAck(Hex.bytes(hex));
        assertThat(decoded).isEqualTo(results);
        assertThat(decoded.get(1).describeError()).isEqualTo("object/unknown-object");
    }

    @Test
    void writePropertyRequestAndSimpleAck() {
        WriteProperty write = new WriteProperty(PropertyReference.of(ANALOG_VALUE_1, 85),
                List.of(new BacnetValue.RealValue(180.0f)), WriteProperty.NO_PRIORITY);
        byte[] apdu = new Apdu.ConfirmedRequest(false, false, 0, MaxApdu.codeFor(1024), 89,
                ServiceChoice.WRITE_PROPERTY, write.encode()).encode();
        assertThat(Hex.of(apdu)).isEqualTo(hex(WRITE_PROPERTY_REQUEST));
        assertThat(WriteProperty.decode(((Apdu.ConfirmedRequest) Apdu.decode(Hex.bytes(WRITE_PROPERTY_REQUEST)))
                .serviceRequest())).isEqualTo(write);

        assertThat(Hex.of(new Apdu.SimpleAck(89, ServiceChoice.WRITE_PROPERTY).encode()))
                .isEqualTo(hex(WRITE_PROPERTY_ACK));
        assertThat(Apdu.decode(Hex.bytes(WRITE_PROPERTY_ACK))).isEqualTo(new Apdu.SimpleAck(89, 15));
    }

    @Test
    void writePropertyWithPriorityAndRelinquish_derived() {
        // Derived by hand (clause 15.9.1.1.5): priority is context tag 4 after the closing tag 3.
        // Write 1.0 at priority 10 to AV 1: ... 3E 44 3F800000 3F 49 0A
        WriteProperty write = new WriteProperty(PropertyReference.of(ANALOG_VALUE_1, 85),
                List.of(new BacnetValue.RealValue(1.0f)), 10);
        assertThat(Hex.of(write.encode())).isEqualTo(hex("0C 00800001 19 55 3E 44 3F800000 3F 49 0A"));
        // Relinquish at priority 10: the value is an application NULL (X'00').
        WriteProperty relinquish = new WriteProperty(PropertyReference.of(ANALOG_VALUE_1, 85),
                List.of(BacnetValue.Null.INSTANCE), 10);
        assertThat(Hex.of(relinquish.encode())).isEqualTo(hex("0C 00800001 19 55 3E 00 3F 49 0A"));
        assertThat(WriteProperty.decode(Hex.bytes("0C 00800001 19 55 3E 00 3F 49 0A"))).isEqualTo(relinquish);
    }

    @Test
    void errorRejectAndAbortPdus_derived() {
        // Derived (clause 20.1.7): Error-PDU for ReadProperty invoke 1, property/unknown-property.
        Apdu.ErrorPdu error = (Apdu.ErrorPdu) Apdu.decode(Hex.bytes("50 01 0C 91 02 91 20"));
        assertThat(error).isEqualTo(new Apdu.ErrorPdu(1, 12, 2, 32));
        assertThat(error.describe()).isEqualTo("property/unknown-property");
        assertThat(Hex.of(error.encode())).isEqualTo("50010C91029120");
        // Error-PDU for WriteProperty invoke 89, property/write-access-denied (40 = X'28').
        assertThat(Hex.of(new Apdu.ErrorPdu(89, 15, 2, 40).encode())).isEqualTo("50590F91029128");
        // Reject-PDU (20.1.8): invoke 241, unrecognized-service (9).
        assertThat(Apdu.decode(Hex.bytes("60 F1 09"))).isEqualTo(new Apdu.RejectPdu(241, 9));
        // Abort-PDU (20.1.9) sent by a server (SRV bit set): segmentation-not-supported (4).
        assertThat(Apdu.decode(Hex.bytes("71 F1 04"))).isEqualTo(new Apdu.AbortPdu(true, 241, 4));
        assertThat(Hex.of(new Apdu.AbortPdu(false, 7, 4).encode())).isEqualTo("700704");
        // A segmented Complex-ACK (SEG and MOR set) with sequence number 0, window 4.
        Apdu.ComplexAck seg = (Apdu.ComplexAck) Apdu.decode(Hex.bytes("3C 05 00 04 0E 0C"));
        assertThat(seg.segmented()).isTrue();
        assertThat(seg.moreFollows()).isTrue();
        assertThat(seg.invokeId()).isEqualTo(5);
        assertThat(seg.service()).isEqualTo(14);
    }

    @Test
    void whoIsAndIAm_derived() {
        // Derived (clause 16.10, 20.1.3): Who-Is for instances 3..3000: context 0 = 3, context 1 = 3000.
        byte[] whoIs = new Apdu.UnconfirmedRequest(ServiceChoice.WHO_IS, WhoIs.range(3, 3000).encode()).encode();
        assertThat(Hex.of(whoIs)).isEqualTo("100809031A0BB8");
        assertThat(Hex.of(new Apdu.UnconfirmedRequest(8, WhoIs.ALL.encode()).encode())).isEqualTo("1008");
        // I-Am from device 260001 (X'3F7A1' -> object id X'0203F7A1'), max APDU 1476, no segmentation, vendor 260.
        String iAm = "10 00 C4 0203F7A1 22 05C4 91 03 22 0104";
        Apdu.UnconfirmedRequest decoded = (Apdu.UnconfirmedRequest) Apdu.decode(Hex.bytes(iAm));
        IAm parsed = IAm.decode(decoded.serviceRequest());
        assertThat(parsed).isEqualTo(new IAm(new ObjectIdentifier(8, 260001), 1476, IAm.NO_SEGMENTATION, 260));
        assertThat(Hex.of(new Apdu.UnconfirmedRequest(0, parsed.encode()).encode())).isEqualTo(hex(iAm));
    }

    private static String hex(String spaced) {
        return spaced.replace(" ", "").toUpperCase();
    }

    @Test
    void subscribeCovAndItsNotification_derived() {
        // SubscribeCOV (clause 13.14), derived by hand: invoke 15, process 18, AI 10, confirmed TRUE,
        // lifetime 0: [0] 09 12, [1] 1C 0000000A, [2] 29 01 (context BOOLEAN has a content octet), [3] 39 00.
        String request = "00 02 0F 05 09 12 1C 0000000A 29 01 39 00";
        SubscribeCov sub = new SubscribeCov(18, new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 10), true, 0);
        assertThat(Hex.of(new Apdu.ConfirmedRequest(false, false, 0, MaxApdu.codeFor(206), 15,
                ServiceChoice.SUBSCRIBE_COV, sub.encode()).encode())).isEqualTo(hex(request));
        assertThat(SubscribeCov.decode(((Apdu.ConfirmedRequest) Apdu.decode(Hex.bytes(request))).serviceRequest()))
                .isEqualTo(sub);
        // Cancellation: neither [2] nor [3].
        assertThat(Hex.of(SubscribeCov.cancel(18, new ObjectIdentifier(0, 10)).encode())).isEqualTo("09121C0000000A");

        // UnconfirmedCOVNotification (clause 13.7), derived by hand: process 18, device 4, AI 10,
        // 0 s remaining, present-value 65.0 (X'42820000') and status-flags B'0000' (X'82 04 00').
        String notification = "10 02 09 12 1C 02000004 2C 0000000A 39 00 4E 09 55 2E 44 42820000 2F"
                + " 09 6F 2E 82 04 00 2F 4F";
        Apdu.UnconfirmedRequest u = (Apdu.UnconfirmedRequest) Apdu.decode(Hex.bytes(notification));
        assertThat(u.service()).isEqualTo(ServiceChoice.UNCONFIRMED_COV_NOTIFICATION);
        CovNotification n = CovNotification.decode(u.serviceRequest());
        assertThat(n.subscriberProcessId()).isEqualTo(18);
        assertThat(n.initiatingDevice()).isEqualTo(new ObjectIdentifier(ObjectTypes.DEVICE, 4));
        assertThat(n.monitoredObject()).isEqualTo(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 10));
        assertThat(n.valueOf(PropertyIds.PRESENT_VALUE)).contains(List.of(new BacnetValue.RealValue(65f)));
        assertThat(n.valueOf(PropertyIds.STATUS_FLAGS)).contains(List.of(new BacnetValue.BitStringValue(new boolean[4])));
        assertThat(Hex.of(new Apdu.UnconfirmedRequest(2, n.encode()).encode())).isEqualTo(hex(notification));
    }
}
