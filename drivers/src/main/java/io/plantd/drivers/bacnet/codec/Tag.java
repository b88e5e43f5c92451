package io.plantd.drivers.bacnet.codec;

/**
 * One decoded tag header (clause 20.2.1). {@code lengthValueType} is the content length for
 * primitive tags, or for an application BOOLEAN the value itself (clause 20.2.3).
 */
public record Tag(int number, boolean context, long lengthValueType, Kind kind) {
    public enum Kind { PRIMITIVE, OPENING, CLOSING }

    public boolean isOpening(int contextNumber) {
        return kind == Kind.OPENING && number == contextNumber;
    }

    public boolean isClosing(int contextNumber) {
        return kind == Kind.CLOSING && number == contextNumber;
    }

    public boolean isContext(int contextNumber) {
        return context && kind == Kind.PRIMITIVE && number == contextNumber;
    }
}
