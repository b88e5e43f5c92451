package io.plantd.drivers.bacnet.codec;

import java.util.HexFormat;

/** Hex strings as printed in ASHRAE 135 (spaces ignored). */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("X'", "").replace("'", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
