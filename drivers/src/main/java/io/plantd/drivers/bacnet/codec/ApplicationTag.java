package io.plantd.drivers.bacnet.codec;

/** Application tag numbers of clause 20.2.1.4. */
public final class ApplicationTag {
    public static final int NULL = 0;
    public static final int BOOLEAN = 1;
    public static final int UNSIGNED = 2;
    public static final int SIGNED = 3;
    public static final int REAL = 4;
    public static final int DOUBLE = 5;
    public static final int OCTET_STRING = 6;
    public static final int CHARACTER_STRING = 7;
    public static final int BIT_STRING = 8;
    public static final int ENUMERATED = 9;
    public static final int DATE = 10;
    public static final int TIME = 11;
    public static final int OBJECT_IDENTIFIER = 12;

    private ApplicationTag() {
    }
}
