package io.plantd.drivers.profile;

/**
 * Byte order of a multi-register value, named by where the bytes of the big-endian value
 * A B C D land on the wire. ABCD is the Modbus standard; CDAB swaps words (Siemens, older
 * Schneider); BADC swaps bytes inside each word; DCBA reverses all.
 */
public enum WordOrder {
    ABCD,
    CDAB,
    BADC,
    DCBA
}
