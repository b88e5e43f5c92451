package io.plantd.drivers.bacnet.codec;

/** Service choice numbers (clause 21) of the services plantd speaks. */
public final class ServiceChoice {
    // confirmed
    public static final int SUBSCRIBE_COV = 5;
    public static final int READ_PROPERTY = 12;
    public static final int READ_PROPERTY_MULTIPLE = 14;
    public static final int WRITE_PROPERTY = 15;
    // unconfirmed
    public static final int I_AM = 0;
    public static final int UNCONFIRMED_COV_NOTIFICATION = 2;
    public static final int WHO_IS = 8;

    private ServiceChoice() {
    }
}
