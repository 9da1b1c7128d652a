package io.stockline.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.stockline.location.Locations;
import io.stockline.order.NewOrder;
import io.stockline.order.Order;
import io.stockline.order.OrderService;
import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import io.stockline.web.InvalidInput;
import io.stockline.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reservation feature's service: holds stock for carts and moves each hold through its
 * life (see {@link ReservationStatus}). Every transition is a conditional update of the
 * reservation's status, so of two racing steps exactly one takes effect; the stock moves in
 * the same transaction, through {@link StockService}.
 */
@Service
public class ReservationService {

    private static final String SWEEPER = "expiry-sweeper";

    private final Reservations reservations;
    private final Acquisition acquisition;
    private final ChannelLocations channels;
    private final Locations locations;
    private final StockService stock;
    private final Backorders backorders;
    private final OrderService orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HoldCombiner combiner;
    private final TransactionTemplate transactions;

    ReservationService(Reservations reservations, Acquisition acquisition,
            ChannelLocations channels, Locations locations, StockService stock,
            Backorders backorders, OrderService orders, ApplicationEventPublisher events,
            Clock clock, HoldCombiner combiner, PlatformTransactionManager transactions) {
        this.reservations = reservations;
        this.acquisition = acquisition;
        this.channels = channels;
        this.locations = locations;
        this.stock = stock;
        this.backorders = backorders;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.combiner = combiner;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Holds every line, or nothing. A hold of a single SKU that is not already part of the
     * caller's transaction (a request without Idempotency-Key) joins that SKU's next group
     * commit, see {@link HoldCombiner}; any other hold runs in the caller's transaction or a
     * new one.
     *
     * @throws InsufficientStockForHold listing every line that is short
     */
    public Reservation hold(Hold hold) {
        if (combinable(hold)) {
            return combiner.submit(hold.lines().get(0).sku(), () -> holdNow(hold));
        }
        return transactions.execute(tx -> holdNow(hold));
    }

    private static boolean combinable(Hold hold) {
        return !TransactionSynchronizationManager.isActualTransactionActive()
                && hold.lines().stream().map(Hold.Line::sku).distinct().count() == 1;
    }

    private Reservation holdNow(Hold hold) {
        List<Wanted> wanted = wanted(hold.channel(), hold.lines());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(hold.ttl()).truncatedTo(ChronoUnit.MICROS);

        List<ReservationLine> lines = acquisition.acquire(wanted, new Acquisition.Purpose(
                Bucket.RESERVED, Reason.RESERVED, Reservation.ledgerReference(id),
                hold.actor(), hold.idempotencyKey()),
                planned -> reservations.insert(active(id, hold, expiresAt, planned), now));

        Reservation held = active(id, hold, expiresAt, lines);
        events.publishEvent(new ReservationHeld(held));
        return held;
    }

    private static Reservation active(UUID id, Hold hold, Instant expiresAt,
            List<ReservationLine> lines) {
        return new Reservation(id, ReservationStatus.ACTIVE, hold.channel(), hold.reference(),
                expiresAt, null, lines);
    }

    /** The reservation with this id, or a 404 refusal. */
    public Reservation require(UUID id) {
        return reservations.find(id)
                .orElseThrow(() -> new NotFound("reservation", String.valueOf(id)));
    }

    /** Moves the expiry of an active reservation to {@code ttl} from now. */
    @Transactional
    public Reservation extend(UUID id, Duration ttl) {
        Instant now = clock.instant();
        if (reservations.extend(id, now.plus(ttl), now)) {
            return require(id);
        }

        Reservation current = require(id);
        if (current.expiredAt(now)) {
            throw new ReservationOutOfTime(id, current.expiresAt(), "extend");
        }
        throw new InvalidTransition(id, current.status(), "extend");
    }

    /**
     * Gives the held stock back. Releasing a released or expired reservation changes nothing
     * and answers it as it is.
     */
    @Transactional
    public Reservation release(UUID id, String actor, String idempotencyKey) {
        if (!reservations.release(id, clock.instant())) {
            return alreadyEnded(id);
        }

        Reservation released = require(id);
        giveBack(List.of(released), Reason.RELEASED, actor, idempotencyKey);

        events.publishEvent(new ReservationReleased(released));
        return released;
    }

    /**
     * Turns the hold into an order: reserved becomes committed at every allocation.
     *
     * @param reacquire when the reservation has expired, take the stock again if it is there
     * @throws ReservationOutOfTime when it expired and {@code reacquire} is false
     */
    @Transactional
    public Order commit(UUID id, String orderId, boolean reacquire, String actor,
            String idempotencyKey) {
        Instant now = clock.instant();
        if (reservations.commitUnexpired(id, orderId, now)) {
            return commitHeld(id, actor, idempotencyKey);
        }

        Reservation current = require(id);
        if (!current.expiredAt(now)) {
            throw new InvalidTransition(id, current.status(), "commit");
        }
        if (!reacquire) {
            throw new ReservationOutOfTime(id, current.expiresAt(), "commit");
        }
        return commitAfterExpiry(current, orderId, now, actor, idempotencyKey);
    }

    /**
     * Expires due reservations that no other node is expiring, up to {@code limit}, and gives
     * their stock back.
     *
     * @return how many reservations this call expired
     */
    @Transactional
    public int expireDue(Instant now, int limit) {
        List<Reservation> expired = reservations.findAll(reservations.expireDue(now, limit));

        giveBack(expired, Reason.EXPIRED, SWEEPER, null);

        expired.forEach(reservation -> events.publishEvent(new ReservationExpired(reservation)));
        return expired.size();
    }

    private Reservation alreadyEnded(UUID id) {
        Reservation current = require(id);
        if (current.status() == ReservationStatus.RELEASED
                || current.status() == ReservationStatus.EXPIRED) {
            return current;
        }
        throw new InvalidTransition(id, current.status(), "release");
    }

    private Order commitAfterExpiry(Reservation expired, String orderId, Instant now,
            String actor, String idempotencyKey) {
        UUID id = expired.id();
        if (reservations.commitLapsed(id, orderId, now)) {
            return commitHeld(id, actor, idempotencyKey);
        }
        if (!reservations.commitExpired(id, orderId, now)) {
            throw new InvalidTransition(id, require(id).status(), "commit");
        }

        List<Wanted> wanted = wanted(expired.channel(), expired.lines().stream()
                .map(line -> new Hold.Line(line.sku(), line.quantity(),
                        line.requestedLocation()))
                .toList());
        acquisition.acquire(wanted, new Acquisition.Purpose(Bucket.COMMITTED,
                Reason.COMMITTED, expired.ledgerReference(), actor, idempotencyKey),
                planned -> reservations.reallocate(id, planned));

        Reservation committed = require(id);
        return committed(committed, orders.place(newOrder(committed)));
    }

    private Order commitHeld(UUID id, String actor, String idempotencyKey) {
        Reservation reservation = require(id);
        Order order = orders.place(newOrder(reservation));

        heldRows(List.of(reservation)).forEach(held -> stock.apply(
                StockChange.of(held.sku(), held.location())
                        .by(Bucket.RESERVED, -held.quantity())
                        .by(Bucket.COMMITTED, held.quantity())
                        .because(Reason.COMMITTED, held.reference(), actor, idempotencyKey)));
        return committed(reservation, order);
    }

    private Order committed(Reservation reservation, Order order) {
        events.publishEvent(new ReservationCommitted(reservation, order));
        return order;
    }

    /** Returns held stock and backordered units, rows in canonical order. */
    private void giveBack(List<Reservation> ended, Reason reason, String actor,
            String idempotencyKey) {
        heldRows(ended).forEach(held -> stock.apply(
                StockChange.of(held.sku(), held.location())
                        .by(Bucket.RESERVED, -held.quantity())
                        .because(reason, held.reference(), actor, idempotencyKey)));

        Map<String, Long> backordered = new TreeMap<>();
        ended.forEach(reservation -> reservation.lines().stream()
                .filter(line -> line.backordered() > 0)
                .forEach(line -> backordered.merge(line.sku(), line.backordered(), Long::sum)));
        backordered.forEach(backorders::giveBack);
    }

    /** One reservation's held units at one row. */
    private record Held(String sku, String location, String reference, long quantity) {
    }

    /** Every allocation of the reservations, in (SKU, location) order. */
    private static List<Held> heldRows(List<Reservation> reservations) {
        List<Held> held = new ArrayList<>();
        reservations.forEach(reservation -> reservation.lines().forEach(line ->
                line.allocations().forEach(allocation -> held.add(new Held(line.sku(),
                        allocation.location(), reservation.ledgerReference(),
                        allocation.quantity())))));
        held.sort(Comparator.comparing(Held::sku).thenComparing(Held::location)
                .thenComparing(Held::reference));
        return held;
    }

    private static NewOrder newOrder(Reservation reservation) {
        Map<Plan.Row, Long> committed = new TreeMap<>();
        Map<String, Long> backordered = new TreeMap<>();
        for (ReservationLine line : reservation.lines()) {
            line.allocations().forEach(allocation -> committed.merge(
                    new Plan.Row(line.sku(), allocation.location()), allocation.quantity(),
                    Long::sum));
            if (line.backordered() > 0) {
                backordered.merge(line.sku(), line.backordered(), Long::sum);
            }
        }
        return new NewOrder(reservation.orderId(), reservation.id(), reservation.channel(),
                reservation.reference(),
                committed.entrySet().stream().map(entry -> new NewOrder.Line(
                        entry.getKey().sku(), entry.getKey().location(), entry.getValue()))
                        .toList(),
                backordered.entrySet().stream().map(entry -> new NewOrder.Backorder(
                        entry.getKey(), entry.getValue())).toList());
    }

    private List<Wanted> wanted(String channel, List<Hold.Line> lines) {
        List<String> sellsFrom = channels.of(channel)
                .orElseThrow(() -> new NotFound("channel", channel));
        List<Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Hold.Line line = lines.get(i);
            wanted.add(new Wanted(line.sku(), line.quantity(), line.location(),
                    line.location() == null ? sellsFrom
                            : List.of(sold(channel, sellsFrom, i, line.location()))));
        }
        return wanted;
    }

    private String sold(String channel, List<String> sellsFrom, int line, String location) {
        if (sellsFrom.contains(location)) {
            return location;
        }
        locations.require(location);
        throw new InvalidInput("lines[" + line + "].location", "channel-location",
                "location '%s' is inactive or not sold from by channel '%s'"
                        .formatted(location, channel));
    }
}
