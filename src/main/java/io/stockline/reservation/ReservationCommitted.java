package io.stockline.reservation;

import io.stockline.order.Order;

/** A hold became an order; published inside the committing transaction. */
public record ReservationCommitted(Reservation reservation, Order order) {
}
