package io.plantd.drivers.bacnet.codec;

/** The 4-bit max-APDU-length-accepted and 3-bit max-segments codes of clause 20.1.2.4/5. */
public final class MaxApdu {
    private static final int[] LENGTHS = {50, 128, 206, 480, 1024, 1476};

    /** Largest APDU that fits one BACnet/IP datagram on an Ethernet MTU. */
    public static final int BACNET_IP = 1476;

    private MaxApdu() {
    }

    public static int lengthOf(int code) {
        if (code < 0 || code >= LENGTHS.length) {
            throw new BacnetCodecException("reserved max-APDU code " + code);
        }
        return LENGTHS[code];
    }

    /** The largest code whose length does not exceed {@code length}. */
    public static int codeFor(int length) {
        for (int i = LENGTHS.length - 1; i >= 0; i--) {
            if (LENGTHS[i] <= length) {
                return i;
            }
        }
        throw new IllegalArgumentException("max APDU " + length + " below the minimum of 50");
    }

    /** Max-segments code 0 means "unspecified"; plantd never asks for segmentation. */
    public static int segmentsOf(int code) {
        return code == 0 ? 0 : code == 7 ? 65 : 1 << code;
    }
}
