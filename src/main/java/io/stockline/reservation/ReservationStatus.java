package io.stockline.reservation;

/**
 * Where a reservation is in its life. {@code ACTIVE} is the only state with a way out: to
 * {@code COMMITTED} (an order took the stock), {@code RELEASED} (the cart gave it back) or
 * {@code EXPIRED} (the sweeper gave it back after {@code expiresAt}). An expired reservation
 * may still be committed when the client asks to re-acquire the stock.
 */
public enum ReservationStatus {
    ACTIVE, COMMITTED, RELEASED, EXPIRED
}
