package io.plantd.controller.mqtt.codec;

/** A payload that cannot be accepted, naming the field (empty for the whole payload) and why. */
public final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public PayloadException(String field, String why) {
        super(field.isEmpty() ? why : "field '" + field + "': " + why);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
