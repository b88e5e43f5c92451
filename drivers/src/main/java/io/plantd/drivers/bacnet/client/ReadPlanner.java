package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the points of a poll into ReadPropertyMultiple batches whose request and worst-case
 * reply both fit the device's max APDU, so a reply never needs segmentation (which plantd
 * does not accept). The estimates are upper bounds per clause 20.2 encodings.
 */
final class ReadPlanner {
    /** Complex-ACK header: type, invoke ID, service choice. */
    private static final int ACK_HEADER = 3;
    /** Confirmed-request header: type, max segments/APDU, invoke ID, service choice. */
    private static final int REQUEST_HEADER = 4;
    /** Context tag 0 object identifier (5) plus opening and closing tag 1. */
    private static final int PER_OBJECT = 7;

    private ReadPlanner() {
    }

    static List<List<BacnetPoint>> batches(List<BacnetPoint> points, int maxApdu, int maxPropertiesPerRequest) {
        List<List<BacnetPoint>> batches = new ArrayList<>();
        List<BacnetPoint> current = new ArrayList<>();
        int requestSize = REQUEST_HEADER;
        int replySize = ACK_HEADER;
        Object lastObject = null;
        for (BacnetPoint p : points) {
            PropertyReference ref = p.reference();
            boolean newObject = !ref.object().equals(lastObject);
            int addRequest = (newObject ? PER_OBJECT : 0) + propertyTag(ref);
            int addReply = (newObject ? PER_OBJECT : 0) + propertyTag(ref) + 2 + worstValueSize(ref);
            if (!current.isEmpty() && (requestSize + addRequest > maxApdu || replySize + addReply > maxApdu
                    || current.size() >= maxPropertiesPerRequest)) {
                batches.add(current);
                current = new ArrayList<>();
                requestSize = REQUEST_HEADER;
                replySize = ACK_HEADER;
                newObject = true;
                addRequest = PER_OBJECT + propertyTag(ref);
                addReply = PER_OBJECT + propertyTag(ref) + 2 + worstValueSize(ref);
            }
            current.add(p);
            requestSize += addRequest;
            replySize += addReply;
            lastObject = ref.object();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Property identifier (tag + up to 3 octets) and optional array index (tag + up to 4). */
    private static int propertyTag(PropertyReference ref) {
        return 4 + (ref.hasIndex() ? 5 : 0);
    }

    /** Largest value or property-access-error the reply may carry for this property. */
    static int worstValueSize(PropertyReference ref) {
        if (!ref.hasIndex() && (ref.property() == PropertyIds.PRIORITY_ARRAY || ref.property() == PropertyIds.OBJECT_LIST
                || ref.property() == 110 /* state-text */)) {
            return 400;
        }
        return switch (ref.property()) {
            case PropertyIds.OBJECT_NAME, PropertyIds.DESCRIPTION, PropertyIds.MODEL_NAME, PropertyIds.VENDOR_NAME -> 130;
            default -> 10; // a DOUBLE (tag, length, 8 octets) is the largest primitive plantd expects
        };
    }
}
