package io.stockline.reservation;

/** Stock was held for a cart; published inside the holding transaction. */
public record ReservationHeld(Reservation reservation) {
}
