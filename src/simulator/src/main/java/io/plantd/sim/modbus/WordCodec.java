package io.plantd.sim.modbus;

import io.plantd.drivers.profile.DataType;

/** Engineering value → 16-bit registers, big-endian, high word first (ABCD). */
final class WordCodec {
    private WordCodec() {
    }

    static void encode(DataType type, double value, int[] out) {
        switch (type) {
            case FLOAT32 -> {
                int bits = Float.floatToRawIntBits((float) value);
                out[0] = (bits >>> 16) & 0xFFFF;
                out[1] = bits & 0xFFFF;
            }
            case UINT32, INT32 -> {
                long v = clamp(Math.round(value), type == DataType.UINT32 ? 0 : Integer.MIN_VALUE,
                        type == DataType.UINT32 ? 0xFFFF_FFFFL : Integer.MAX_VALUE);
                out[0] = (int) ((v >>> 16) & 0xFFFF);
                out[1] = (int) (v & 0xFFFF);
            }
            case UINT16, BOOL -> out[0] = (int) clamp(Math.round(value), 0, 0xFFFF);
            case INT16 -> out[0] = (int) clamp(Math.round(value), Short.MIN_VALUE, Short.MAX_VALUE) & 0xFFFF;
            case FLOAT64 -> {
                long bits = Double.doubleToRawLongBits(value);
                for (int i = 0; i < 4; i++) {
                    out[i] = (int) ((bits >>> (48 - 16 * i)) & 0xFFFF);
                }
            }
        }
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
