package io.plantd.drivers.bacnet.codec;

/**
 * SubscribeCOV-Request (clause 13.14). A request without {@code issueConfirmedNotifications}
 * and lifetime cancels the subscription; plantd asks for unconfirmed notifications only.
 */
public record SubscribeCov(long subscriberProcessId, ObjectIdentifier monitoredObject,
                           Boolean issueConfirmedNotifications, long lifetimeSeconds) {
    public static final long NO_LIFETIME = -1;

    public static SubscribeCov unconfirmed(long processId, ObjectIdentifier object, long lifetimeSeconds) {
        return new SubscribeCov(processId, object, false, lifetimeSeconds);
    }

    public static SubscribeCov cancel(long processId, ObjectIdentifier object) {
        return new SubscribeCov(processId, object, null, NO_LIFETIME);
    }

    public boolean isCancellation() {
        return issueConfirmedNotifications == null;
    }

    public byte[] encode() {
        TagWriter w = new TagWriter().contextUnsigned(0, subscriberProcessId).contextObjectId(1, monitoredObject);
        if (issueConfirmedNotifications != null) {
            w.contextBoolean(2, issueConfirmedNotifications);
        }
        if (lifetimeSeconds != NO_LIFETIME) {
            w.contextUnsigned(3, lifetimeSeconds);
        }
        return w.toByteArray();
    }

    public static SubscribeCov decode(byte[] request) {
        TagReader r = new TagReader(request);
        long process = r.readContextUnsigned(0);
        ObjectIdentifier object = r.readContextObjectId(1);
        Boolean confirmed = r.nextIsContext(2) ? r.readContextBoolean(2) : null;
        long lifetime = r.nextIsContext(3) ? r.readContextUnsigned(3) : NO_LIFETIME;
        ReadProperty.requireEnd(r, "SubscribeCOV-Request");
        return new SubscribeCov(process, object, confirmed, lifetime);
    }
}
