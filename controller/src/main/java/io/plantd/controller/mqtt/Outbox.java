package io.plantd.controller.mqtt;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What waits for the broker, owned by the worker thread. Retained topics keep only their latest
 * message (so a stale state is replaced, never queued, and an alarm's set or clear is never lost:
 * its latest value is always kept and republished after every reconnect). Non-retained messages
 * (events, replies) wait in a bounded FIFO that drops its oldest entry when the broker is away
 * too long.
 */
final class Outbox {
    interface Publisher {
        /** @return false when the message could not be handed to the client; it stays queued */
        boolean publish(OutboundMessage message);
    }

    private static final class Slot {
        OutboundMessage message;
        boolean dirty;

        Slot(OutboundMessage message) {
            this.message = message;
            this.dirty = true;
        }
    }

    private final Map<String, Slot> retained = new LinkedHashMap<>();
    private final ArrayDeque<OutboundMessage> transientMessages = new ArrayDeque<>();
    private final int transientCapacity;
    private long dropped;

    Outbox(int transientCapacity) {
        this.transientCapacity = transientCapacity;
    }

    /** Replaces the topic's pending or published value; it is (re)sent at the next flush. */
    void putRetained(OutboundMessage message) {
        Slot slot = retained.get(message.topic());
        if (slot == null) {
            retained.put(message.topic(), new Slot(message));
        } else {
            slot.message = message;
            slot.dirty = true;
        }
    }

    void addTransient(OutboundMessage message) {
        if (transientMessages.size() >= transientCapacity) {
            transientMessages.pollFirst();
            dropped++;
        }
        transientMessages.addLast(message);
    }

    /** After a (re)connect: the broker may have lost everything, so every retained topic goes again. */
    void markAllRetainedDirty() {
        retained.values().forEach(s -> s.dirty = true);
    }

    boolean hasRetained(String topic) {
        return retained.containsKey(topic);
    }

    /** Sends in order: retained topics first (status leads, as it was put first), then the FIFO. */
    void flush(Publisher publisher) {
        for (Slot slot : retained.values()) {
            if (slot.dirty) {
                if (!publisher.publish(slot.message)) {
                    return;
                }
                slot.dirty = false;
            }
        }
        Iterator<OutboundMessage> it = transientMessages.iterator();
        while (it.hasNext()) {
            if (!publisher.publish(it.next())) {
                return;
            }
            it.remove();
        }
    }

    int pendingTransient() {
        return transientMessages.size();
    }

    long droppedTransient() {
        return dropped;
    }
}
