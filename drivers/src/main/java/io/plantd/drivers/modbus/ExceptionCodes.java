package io.plantd.drivers.modbus;

/** Modbus exception codes as an operator would want to read them in a probe table or a log. */
public final class ExceptionCodes {
    private ExceptionCodes() {
    }

    public static String describe(int code) {
        String text = switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "slave device failure";
            case 5 -> "acknowledge (request accepted, still processing)";
            case 6 -> "slave device busy";
            case 8 -> "memory parity error";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target device failed to respond";
            default -> "unknown exception";
        };
        return String.format("%s (exception %02X)", text, code);
    }
}
