package io.plantd.drivers.modbus;

import io.plantd.drivers.profile.WordOrder;

/**
 * Reorders the 16-bit words of a value between wire order and big-endian (ABCD) order. For
 * values of more than two registers the same rule is extended: CDAB reverses the word order,
 * BADC swaps the bytes inside each word, DCBA does both. Each reordering is its own inverse.
 */
public final class WordOrders {
    private WordOrders() {
    }

    /** The big-endian value of {@code count} registers from {@code words[offset]} in wire order. */
    public static long toBigEndian(int[] words, int offset, int count, WordOrder order) {
        boolean reverseWords = order == WordOrder.CDAB || order == WordOrder.DCBA;
        boolean swapBytes = order == WordOrder.BADC || order == WordOrder.DCBA;
        long bits = 0;
        for (int i = 0; i < count; i++) {
            int word = words[offset + (reverseWords ? count - 1 - i : i)] & 0xFFFF;
            if (swapBytes) {
                word = swap(word);
            }
            bits = (bits << 16) | word;
        }
        return bits;
    }

    /** The {@code count} wire registers carrying the big-endian value {@code bits}. */
    public static int[] toWire(long bits, int count, WordOrder order) {
        boolean reverseWords = order == WordOrder.CDAB || order == WordOrder.DCBA;
        boolean swapBytes = order == WordOrder.BADC || order == WordOrder.DCBA;
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int word = (int) (bits >>> (16 * (count - 1 - i))) & 0xFFFF;
            if (swapBytes) {
                word = swap(word);
            }
            words[reverseWords ? count - 1 - i : i] = word;
        }
        return words;
    }

    private static int swap(int word) {
        return ((word & 0xFF) << 8) | ((word >>> 8) & 0xFF);
    }
}
