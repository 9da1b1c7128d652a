package io.stockline.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cancellation takes back: committed units per location and backordered units per
 * SKU. A line without a location cancels backordered units first (they have no stock behind
 * them), then committed units in location order.
 */
record Cancellation(Map<Spot, Long> committed, Map<String, Long> backorders) {

    static Cancellation everythingOpen(Order order) {
        Map<Spot, Long> committed = new TreeMap<>();
        order.lines().stream()
                .filter(line -> line.open() > 0)
                .forEach(line -> committed.put(OrderService.spotOf(line), line.open()));
        Map<String, Long> backorders = new TreeMap<>();
        order.backorders().stream()
                .filter(backorder -> backorder.open() > 0)
                .forEach(backorder -> backorders.put(backorder.sku(), backorder.open()));
        return new Cancellation(committed, backorders);
    }

    static Cancellation of(Order order, List<StepLine> lines) {
        Map<Spot, Long> open = new HashMap<>();
        order.lines().forEach(line -> open.put(OrderService.spotOf(line), line.open()));
        Map<String, Long> backordered = new HashMap<>();
        order.backorders().forEach(line -> backordered.put(line.sku(), line.open()));
        Cancellation cancellation = new Cancellation(new TreeMap<>(), new TreeMap<>());
        lines.forEach(line -> cancellation.add(order, line, open, backordered));
        return cancellation;
    }

    private void add(Order order, StepLine line, Map<Spot, Long> open,
            Map<String, Long> backordered) {
        List<Spot> spots = OrderService.spotsOf(order, line);
        long fromBackorder = line.location() == null
                ? backordered.getOrDefault(line.sku(), 0L) : 0;
        long total = fromBackorder + spots.stream().mapToLong(open::get).sum();
        if (total < line.quantity()) {
            throw new OrderQuantityExceeded(order.id(), "cancel", line.sku(), line.location(),
                    line.quantity(), total);
        }

        long backorder = Math.min(line.quantity(), fromBackorder);
        if (backorder > 0) {
            backorders.merge(line.sku(), backorder, Long::sum);
            backordered.merge(line.sku(), -backorder, Long::sum);
        }
        fromCommitted(spots, line.quantity() - backorder, open);
    }

    private void fromCommitted(List<Spot> spots, long quantity, Map<Spot, Long> open) {
        long remaining = quantity;
        for (Spot spot : spots) {
            long take = Math.min(remaining, open.get(spot));
            if (take > 0) {
                committed.merge(spot, take, Long::sum);
                open.merge(spot, -take, Long::sum);
                remaining -= take;
            }
        }
    }
}
