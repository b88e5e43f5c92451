package io.plantd.drivers.modbus;

import java.util.List;

/** Every read one poll makes, in order; printed by {@code plantd probe --plan}. */
public record ReadPlan(List<ReadRequest> requests) {
    public ReadPlan {
        requests = List.copyOf(requests);
    }

    public int registersRead() {
        return requests.stream().filter(r -> !r.table().bitTable()).mapToInt(ReadRequest::count).sum();
    }

    /** A fixed-width table: request number, table, function code, start, count, points. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-3s %-9s %-3s %6s %6s  %s%n", "#", "TABLE", "FC", "START", "COUNT", "POINTS"));
        int n = 1;
        for (ReadRequest r : requests) {
            sb.append(String.format("%-3d %-9s %02d  %6d %6d  %s%n", n++, r.table().name().toLowerCase(),
                    r.functionCode(), r.start(), r.count(), String.join(", ", r.points())));
        }
        sb.append(String.format("%d request(s), %d register(s) per poll%n", requests.size(), registersRead()));
        return sb.toString();
    }
}
