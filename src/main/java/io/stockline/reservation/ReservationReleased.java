package io.stockline.reservation;

/** A cart gave its hold back; published inside the releasing transaction. */
public record ReservationReleased(Reservation reservation) {
}
