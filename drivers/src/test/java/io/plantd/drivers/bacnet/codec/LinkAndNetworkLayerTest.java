package io.plantd.drivers.bacnet.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * BVLC (Annex J) and NPDU (clause 6.2) framing. Expected octets derived by hand from the
 * field layouts of J.2 and 6.2.2; none is copied from this encoder's output.
 */
class LinkAndNetworkLayerTest {

    @Test
    void originalUnicastOfALocalReadProperty() throws Exception {
        byte[] apdu = Hex.bytes("00 05 01 0C 0C 00000005 19 55");
        byte[] frame = Bvlc.originalUnicast(Npdu.local(true, apdu).encode());
        // 4 BVLC + 2 NPDU (version 1, control X'04' expecting reply) + 11 APDU = 17 = X'11'
        assertThat(Hex.of(frame)).isEqualTo("810A0011" + "0104" + "0005010C0C0000000519 55".replace(" ", ""));

        Bvlc.Message m = Bvlc.decode(frame, frame.length);
        assertThat(m.function()).isEqualTo(Bvlc.ORIGINAL_UNICAST_NPDU);
        Npdu npdu = Npdu.decode(m.npdu());
        assertThat(npdu.expectingReply()).isTrue();
        assertThat(npdu.hasDestination()).isFalse();
        assertThat(npdu.apdu()).isEqualTo(apdu);
    }

    @Test
    void routedRequestToAnMstpDeviceAndItsReply() {
        byte[] apdu = Hex.bytes("00 05 01 0C 0C 00000005 19 55");
        // Control X'24' = DNET present + expecting reply; DNET 5, DLEN 1, DADR X'0A', hop count 255.
        assertThat(Hex.of(Npdu.routed(true, 5, new byte[] {0x0A}, apdu).encode()))
                .isEqualTo("0124" + "0005010A" + "FF" + "0005010C0C0000000519 55".replace(" ", ""));

        // The router's reply: control X'08' = SNET present; SNET 5, SLEN 1, SADR X'0A'; no hop count.
        Npdu reply = Npdu.decode(Hex.bytes("01 08 0005 01 0A 20 01 0F"));
        assertThat(reply.snet()).isEqualTo(5);
        assertThat(reply.sadr()).containsExactly(0x0A);
        assertThat(reply.hasDestination()).isFalse();
        assertThat(Apdu.decode(reply.apdu())).isEqualTo(new Apdu.SimpleAck(1, 15));

        // A routed reply that carries both a DNET (back to us) and SNET: hop count follows SADR.
        Npdu both = Npdu.decode(Hex.bytes("01 28 FFFF 00 0005 01 0A FE 20 01 0F"));
        assertThat(both.dnet()).isEqualTo(0xFFFF);
        assertThat(both.snet()).isEqualTo(5);
        assertThat(both.hopCount()).isEqualTo(0xFE);
        assertThat(both.apdu()).isEqualTo(Hex.bytes("20010F"));
    }

    @Test
    void broadcastForwardedAndForeignDeviceRegistration() throws Exception {
        byte[] whoIs = Npdu.local(false, Hex.bytes("1008")).encode();
        assertThat(Hex.of(Bvlc.originalBroadcast(whoIs))).isEqualTo("810B000801001008");
        assertThat(Hex.of(Bvlc.distributeBroadcastToNetwork(whoIs))).isEqualTo("8109000801001008");
        // Register-Foreign-Device with a 60 s time-to-live (J.2.6): X'81 05 0006 003C'.
        assertThat(Hex.of(Bvlc.registerForeignDevice(60))).isEqualTo("81050006003C");
        // BVLC-Result NAK for registration (J.2.1): X'81 00 0006 0030'.
        Bvlc.Message nak = Bvlc.decode(Hex.bytes("81 00 0006 0030"), 6);
        assertThat(nak.function()).isEqualTo(Bvlc.RESULT);
        assertThat(nak.resultCode()).isEqualTo(Bvlc.RESULT_REGISTER_FOREIGN_DEVICE_NAK);

        // Forwarded-NPDU (J.2.5) of an I-Am originally from 192.168.1.20:47808 (X'C0A80114 BAC0').
        // 4 BVLC + 6 origin + 2 NPDU + 13 APDU = 25 = X'0019'
        byte[] forwarded = Hex.bytes("81 04 0019 C0A80114 BAC0 0100 1000 C4 02000003 21 FF 91 03 21 05".replace(" ", ""));
        assertThat(Hex.of(Bvlc.forwarded(new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 47808),
                Hex.bytes("0100 1000 C4 02000003 21 FF 91 03 21 05")))).isEqualTo(Hex.of(forwarded));
        Bvlc.Message m = Bvlc.decode(forwarded, forwarded.length);
        assertThat(m.origin()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 47808));
        IAm iAm = IAm.decode(((Apdu.UnconfirmedRequest) Apdu.decode(Npdu.decode(m.npdu()).apdu())).serviceRequest());
        assertThat(iAm.device().instance()).isEqualTo(3);
        assertThat(iAm.maxApduLengthAccepted()).isEqualTo(255);
    }

    @Test
    void malformedFramesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Bvlc.decode(Hex.bytes("82 0A 0004"), 4)).hasMessageContaining("not BACnet/IP");
        assertThatThrownBy(() -> Bvlc.decode(Hex.bytes("81 0A 0009 0100"), 6)).hasMessageContaining("length 9");
        assertThatThrownBy(() -> Npdu.decode(Hex.bytes("02 00"))).hasMessageContaining("version 2");
        assertThatThrownBy(() -> Npdu.decode(Hex.bytes("01 20 00"))).isInstanceOf(BacnetCodecException.class);
        assertThatThrownBy(() -> Apdu.decode(Hex.bytes("80 00"))).hasMessageContaining("reserved APDU type 8");
    }
}
