package io.stockline.reservation;

/** A hold ran out and its stock went back; published inside the sweeper's transaction. */
public record ReservationExpired(Reservation reservation) {
}
