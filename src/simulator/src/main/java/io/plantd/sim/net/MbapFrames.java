package io.plantd.sim.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Modbus TCP framing for the proxy: the MBAP header is transaction id (2), protocol id (2),
 * length (2) and unit id (1); the length counts the unit id and the PDU that follows.
 */
final class MbapFrames {
    static final int HEADER_BYTES = 7;
    /** Exception code 0x04: what a gateway whose device has failed answers. */
    static final int SERVER_DEVICE_FAILURE = 0x04;
    // unit id + function code at least; unit id + the 253-byte PDU limit at most
    private static final int MIN_LENGTH = 2;
    private static final int MAX_LENGTH = 254;

    /** A frame no Modbus TCP peer would send; the connection carrying it cannot be trusted any more. */
    static final class MalformedFrameException extends IOException {
        MalformedFrameException(String message) {
            super(message);
        }
    }

    private MbapFrames() {
    }

    /**
     * Reads one whole frame (header and PDU). Returns null when the peer closed the connection
     * between frames; a close inside a frame is an {@link EOFException}.
     */
    static byte[] read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        byte[] header = new byte[HEADER_BYTES];
        header[0] = (byte) first;
        in.readFully(header, 1, HEADER_BYTES - 1);
        int protocolId = u16(header, 2);
        int length = u16(header, 4);
        if (protocolId != 0) {
            throw new MalformedFrameException("protocol id " + protocolId + " (Modbus is 0)");
        }
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new MalformedFrameException("MBAP length " + length + " outside " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        byte[] frame = new byte[HEADER_BYTES + length - 1];
        System.arraycopy(header, 0, frame, 0, HEADER_BYTES);
        in.readFully(frame, HEADER_BYTES, length - 1);
        return frame;
    }

    /** The exception response to a request frame: same transaction and unit id, function code | 0x80. */
    static byte[] exceptionReply(byte[] request, int exceptionCode) {
        return new byte[] {
            request[0], request[1], // transaction id
            0, 0,                   // protocol id
            0, 3,                   // length: unit id, function code, exception code
            request[6],             // unit id
            (byte) (request[7] | 0x80),
            (byte) exceptionCode};
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
