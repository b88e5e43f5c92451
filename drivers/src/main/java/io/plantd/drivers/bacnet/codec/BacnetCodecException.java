package io.plantd.drivers.bacnet.codec;

/** A frame that does not follow ASHRAE 135: truncated, wrongly tagged or of an unknown kind. */
public final class BacnetCodecException extends RuntimeException {
    public BacnetCodecException(String message) {
        super(message);
    }
}
