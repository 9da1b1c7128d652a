package io.stockline.reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the lines of a hold would come from, given the availability read a moment ago. A plan
 * decides nothing: the conditional updates that carry it out do, and a plan overtaken by
 * another writer is made again.
 *
 * @param lines      the lines with their allocations and backordered units, as asked
 * @param shortLines lines that neither stock nor the backorder policy can serve
 * @param rows       units per (SKU, location) row, in the canonical order rows are locked in
 * @param backorders units to count as backordered per SKU, in SKU order
 */
record Plan(List<ReservationLine> lines, List<ShortLine> shortLines, Map<Row, Long> rows,
        Map<String, Long> backorders) {

    /** A (SKU, location) balance row; sorts by SKU, then location. */
    record Row(String sku, String location) implements Comparable<Row> {

        @Override
        public int compareTo(Row other) {
            int bySku = sku.compareTo(other.sku);
            return bySku != 0 ? bySku : location.compareTo(other.location);
        }
    }

    /**
     * Plans every line in turn, each taking from its candidates in order what earlier lines
     * left, then from the SKU's backorder room.
     *
     * @param available units available per location of a SKU
     * @param policies  the backorder policy of a SKU, asked only for lines that fall short
     */
    static Plan of(List<Wanted> wanted, Function<String, Map<String, Long>> available,
            Function<String, BackorderPolicy> policies) {
        Planning planning = new Planning(available, policies);
        wanted.forEach(planning::add);
        return new Plan(List.copyOf(planning.lines), List.copyOf(planning.shortLines),
                planning.rows, planning.backorders);
    }

    boolean complete() {
        return shortLines.isEmpty();
    }

    /** How many conditional updates carrying out the plan takes. */
    int steps() {
        return rows.size() + backorders.size();
    }

    private static final class Planning {

        private final Function<String, Map<String, Long>> available;
        private final Function<String, BackorderPolicy> policies;
        private final Map<String, Map<String, Long>> free = new HashMap<>();
        private final Map<String, Long> room = new HashMap<>();
        private final List<ReservationLine> lines = new ArrayList<>();
        private final List<ShortLine> shortLines = new ArrayList<>();
        private final Map<Row, Long> rows = new TreeMap<>();
        private final Map<String, Long> backorders = new TreeMap<>();

        Planning(Function<String, Map<String, Long>> available,
                Function<String, BackorderPolicy> policies) {
            this.available = available;
            this.policies = policies;
        }

        void add(Wanted line) {
            Map<String, Long> left = free.computeIfAbsent(line.sku(),
                    sku -> new HashMap<>(available.apply(sku)));
            List<Allocation> allocations = new ArrayList<>();
            long remaining = line.quantity();
            for (String location : line.candidates()) {
                long take = Math.min(remaining, Math.max(0, left.getOrDefault(location, 0L)));
                if (take > 0) {
                    allocations.add(new Allocation(location, take));
                    left.merge(location, -take, Long::sum);
                    remaining -= take;
                }
            }

            backorder(line, allocations, remaining);
        }

        private void backorder(Wanted line, List<Allocation> allocations, long missing) {
            long backorderable = missing == 0 ? 0 : room.computeIfAbsent(line.sku(),
                    sku -> policies.apply(sku).room());
            if (missing > backorderable) {
                shortLines.add(new ShortLine(line.sku(), line.requestedLocation(),
                        line.quantity(), line.quantity() - missing + backorderable));
                allocations.forEach(allocation -> free.get(line.sku())
                        .merge(allocation.location(), allocation.quantity(), Long::sum));
                return;
            }
            if (missing > 0) {
                room.merge(line.sku(), -missing, Long::sum);
                backorders.merge(line.sku(), missing, Long::sum);
            }
            allocations.forEach(allocation -> rows.merge(
                    new Row(line.sku(), allocation.location()), allocation.quantity(),
                    Long::sum));
            lines.add(new ReservationLine(line.sku(), line.requestedLocation(),
                    line.quantity(), missing, List.copyOf(allocations)));
        }
    }
}
