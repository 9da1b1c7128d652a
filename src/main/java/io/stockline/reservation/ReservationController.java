package io.stockline.reservation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.stockline.order.Order;
import io.stockline.web.Identifiers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** REST resource for checkout reservations: hold, read, extend, release, commit. */
@RestController
@RequestMapping("/api/v1/reservations")
class ReservationController {

    static final String ACTOR = "X-Actor";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ReservationService reservations;
    private final ReservationProperties properties;

    ReservationController(ReservationService reservations, ReservationProperties properties) {
        this.reservations = reservations;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<Reservation> hold(@RequestBody HoldBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Hold hold = Hold.checked(body.channel(), body.lines(), body.ttlSeconds(),
                body.reference(), properties, actor, key);

        Reservation reservation = reservations.hold(hold);

        return ResponseEntity.created(URI.create("/api/v1/reservations/" + reservation.id()))
                .body(reservation);
    }

    @GetMapping("/{id}")
    Reservation reservation(@PathVariable UUID id) {
        return reservations.require(id);
    }

    @PostMapping("/{id}/extend")
    Reservation extend(@PathVariable UUID id,
            @RequestBody(required = false) ExtendBody body) {
        return reservations.extend(id,
                Hold.ttl(body == null ? null : body.ttlSeconds(), properties));
    }

    @DeleteMapping("/{id}")
    Reservation release(@PathVariable UUID id,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return reservations.release(id, actor, key);
    }

    @PostMapping("/{id}/commit")
    ResponseEntity<Order> commit(@PathVariable UUID id, @RequestBody CommitBody body,
            @RequestHeader(name = ACTOR, required = false) String actor,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        String orderId = Identifiers.require("orderId", body.orderId());

        Order order = reservations.commit(id, orderId, Boolean.TRUE.equals(body.reacquire()),
                actor, key);

        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/orders/{id}")
                .buildAndExpand(orderId).encode().toUri()).body(order);
    }

    /** A hold as the client sent it; any field may be null. */
    record HoldBody(String channel, List<Hold.RawLine> lines, Long ttlSeconds,
            String reference) {
    }

    /** An extension: the new time to live from now, in seconds. */
    record ExtendBody(Long ttlSeconds) {
    }

    /** A commit: the new order's id, and whether to take expired stock again. */
    record CommitBody(String orderId, Boolean reacquire) {
    }
}
