package io.plantd.drivers.bacnet.transport;

import io.plantd.drivers.bacnet.codec.Reasons;

/**
 * The transaction was aborted: by the device (e.g. its reply would need segmentation) or by
 * plantd (e.g. the device sent a segmented reply, which plantd never accepts).
 */
public final class BacnetAbortException extends BacnetException {
    private final int abortReason;
    private final boolean byDevice;

    public BacnetAbortException(int abortReason, boolean byDevice) {
        super("abort " + Reasons.abort(abortReason) + (byDevice ? "" : " (sent by plantd)"));
        this.abortReason = abortReason;
        this.byDevice = byDevice;
    }

    public int abortReason() {
        return abortReason;
    }

    public boolean byDevice() {
        return byDevice;
    }

    @Override
    public boolean deviceResponded() {
        return true;
    }

    /** The reply did not fit one unsegmented APDU: asking for less may succeed. */
    public boolean replyTooLarge() {
        return abortReason == Reasons.ABORT_SEGMENTATION_NOT_SUPPORTED
                || abortReason == Reasons.ABORT_BUFFER_OVERFLOW
                || abortReason == Reasons.ABORT_APDU_TOO_LONG;
    }
}
