package io.stockline.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Quantities held for one cart until {@code expiresAt}, at concrete locations.
 *
 * @param reference the client's cart id; may be null
 * @param orderId   the order it was committed into; null unless {@code COMMITTED}
 */
public record Reservation(UUID id, ReservationStatus status, String channel, String reference,
        Instant expiresAt, String orderId, List<ReservationLine> lines) {

    /** Still active by its status, but past its expiry: the sweeper has not come yet. */
    boolean lapsedAt(Instant now) {
        return status == ReservationStatus.ACTIVE && !expiresAt.isAfter(now);
    }

    boolean expiredAt(Instant now) {
        return status == ReservationStatus.EXPIRED || lapsedAt(now);
    }

    Reservation with(ReservationStatus next, String order, List<ReservationLine> held) {
        return new Reservation(id, next, channel, reference, expiresAt, order, held);
    }

    /** The ledger reference of every stock change made for this reservation. */
    String ledgerReference() {
        return ledgerReference(id);
    }

    static String ledgerReference(UUID id) {
        return "reservation:" + id;
    }
}
