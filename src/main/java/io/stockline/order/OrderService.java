package io.stockline.order;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import io.stockline.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order feature's service: orders placed by committed reservations, then shipped,
 * cancelled and returned in parts. Every step moves the order lines with conditional updates
 * and the stock through {@link StockService}, in one transaction.
 */
@Service
public class OrderService {

    private final Orders orders;
    private final StockService stock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderService(Orders orders, StockService stock, ApplicationEventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an order whose stock the caller has committed (or is committing) in the same
     * transaction.
     *
     * @throws OrderExists when the order id is taken
     */
    @Transactional
    public Order place(NewOrder order) {
        if (!orders.insert(order, clock.instant())) {
            throw new OrderExists(order.orderId());
        }
        return require(order.orderId());
    }

    /** The order with this id, or a 404 refusal. */
    public Order require(String orderId) {
        return orders.find(orderId).orElseThrow(() -> new NotFound("order", orderId));
    }

    /** Ships units: committed and onHand go down at each location. */
    @Transactional
    public Order fulfil(String orderId, List<StepLine> lines, String actor, String key) {
        Order order = require(orderId);
        Map<Spot, Long> plan = merged(spread(order, "fulfil", lines, OrderLine::open));

        plan.forEach((spot, quantity) -> {
            if (!orders.fulfil(orderId, spot, quantity)) {
                throw overtaken(orderId, "fulfil", spot, quantity, OrderLine::open);
            }
        });

        plan.forEach((spot, quantity) -> stock.apply(StockChange.of(spot.sku(), spot.location())
                .by(Bucket.COMMITTED, -quantity)
                .by(Bucket.ON_HAND, -quantity)
                .because(Reason.FULFILLED, reference(orderId), actor, key)));
        Order shipped = touched(orderId);
        events.publishEvent(new OrderFulfilled(shipped));
        return shipped;
    }

    /**
     * Cancels unshipped units: committed units go back to available, backordered units stop
     * counting against the SKU's backorder limit.
     *
     * @param lines what to cancel; null or empty cancels every unshipped unit
     */
    @Transactional
    public Order cancel(String orderId, List<StepLine> lines, String actor, String key) {
        Order order = require(orderId);
        Cancellation cancellation = lines == null || lines.isEmpty()
                ? Cancellation.everythingOpen(order) : Cancellation.of(order, lines);

        cancellation.backorders().forEach((sku, quantity) -> {
            if (!orders.cancelBackorder(orderId, sku, quantity)) {
                throw new OrderQuantityExceeded(orderId, "cancel", sku, null, quantity, 0);
            }
        });
        cancellation.committed().forEach((spot, quantity) -> {
            if (!orders.cancel(orderId, spot, quantity)) {
                throw overtaken(orderId, "cancel", spot, quantity, OrderLine::open);
            }
        });

        cancellation.committed().forEach((spot, quantity) -> stock.apply(
                StockChange.of(spot.sku(), spot.location())
                        .by(Bucket.COMMITTED, -quantity)
                        .because(Reason.CANCELLED, reference(orderId), actor, key)));
        cancellation.backorders().forEach((sku, quantity) ->
                events.publishEvent(new BackorderCancelled(orderId, sku, quantity)));
        Order cancelled = touched(orderId);
        events.publishEvent(new OrderCancelled(cancelled));
        return cancelled;
    }

    /** Takes shipped units back: onHand goes up, and damaged too when not restocked. */
    @Transactional
    public Order takeBack(String orderId, List<ReturnLine> lines, String actor, String key) {
        Order order = require(orderId);
        List<StepLine> steps = lines.stream()
                .map(line -> new StepLine(line.sku(), line.quantity(), line.location()))
                .toList();
        List<Portion> portions = spread(order, "return", steps, OrderLine::returnable);
        portions.sort(Comparator.comparing(Portion::spot));

        merged(portions).forEach((spot, quantity) -> {
            if (!orders.takeBack(orderId, spot, quantity)) {
                throw overtaken(orderId, "return", spot, quantity, OrderLine::returnable);
            }
        });

        portions.forEach(portion -> stock.apply(restocking(orderId,
                lines.get(portion.line()), portion, actor, key)));
        Order returned = touched(orderId);
        events.publishEvent(new OrderReturned(returned));
        return returned;
    }

    private static StockChange restocking(String orderId, ReturnLine line, Portion portion,
            String actor, String key) {
        StockChange.Builder change = StockChange.of(portion.spot().sku(),
                portion.spot().location()).by(Bucket.ON_HAND, portion.quantity());
        if (!line.restock()) {
            change.by(Bucket.DAMAGED, portion.quantity());
        }
        String why = line.reason() == null ? "" : " (" + line.reason() + ")";
        return change.because(Reason.RETURNED, reference(orderId) + why, actor, key);
    }

    /** One part of a step line, at one location. */
    record Portion(int line, Spot spot, long quantity) {
    }

    /**
     * Spreads each line over the order's locations of its SKU (or its one location) by what
     * each has left, as read; the conditional updates afterwards decide.
     */
    private static List<Portion> spread(Order order, String step, List<StepLine> lines,
            ToLongFunction<OrderLine> capacity) {
        Map<Spot, Long> left = new HashMap<>();
        order.lines().forEach(line -> left.put(spotOf(line), capacity.applyAsLong(line)));
        List<Portion> portions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            StepLine line = lines.get(i);
            List<Spot> spots = spotsOf(order, line);
            long total = spots.stream().mapToLong(left::get).sum();
            if (total < line.quantity()) {
                throw new OrderQuantityExceeded(order.id(), step, line.sku(), line.location(),
                        line.quantity(), total);
            }
            portions.addAll(portions(i, line.quantity(), spots, left));
        }
        return portions;
    }

    /** Takes {@code quantity} from the spots in order, as far as each has units left. */
    private static List<Portion> portions(int line, long quantity, List<Spot> spots,
            Map<Spot, Long> left) {
        List<Portion> portions = new ArrayList<>();
        long remaining = quantity;
        for (Spot spot : spots) {
            long take = Math.min(remaining, left.get(spot));
            if (take > 0) {
                portions.add(new Portion(line, spot, take));
                left.merge(spot, -take, Long::sum);
                remaining -= take;
            }
        }
        return portions;
    }

    static List<Spot> spotsOf(Order order, StepLine line) {
        return order.lines().stream()
                .filter(candidate -> candidate.sku().equals(line.sku()))
                .filter(candidate -> line.location() == null
                        || candidate.location().equals(line.location()))
                .map(OrderService::spotOf)
                .toList();
    }

    static Spot spotOf(OrderLine line) {
        return new Spot(line.sku(), line.location());
    }

    private static Map<Spot, Long> merged(List<Portion> portions) {
        Map<Spot, Long> merged = new TreeMap<>();
        portions.forEach(portion -> merged.merge(portion.spot(), portion.quantity(), Long::sum));
        return merged;
    }

    /** The refusal for a step that another request overtook: with the numbers left now. */
    private OrderQuantityExceeded overtaken(String orderId, String step, Spot spot,
            long quantity, ToLongFunction<OrderLine> capacity) {
        long remaining = require(orderId).lines().stream()
                .filter(line -> spotOf(line).equals(spot))
                .mapToLong(capacity)
                .sum();
        return new OrderQuantityExceeded(orderId, step, spot.sku(), spot.location(), quantity,
                remaining);
    }

    private Order touched(String orderId) {
        orders.touch(orderId, clock.instant());
        return require(orderId);
    }

    private static String reference(String orderId) {
        return "order:" + orderId;
    }
}
