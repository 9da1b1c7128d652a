package io.stockline.reservation;

import java.time.Instant;
import java.util.UUID;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** The reservation ran out before the request came; its stock went (or goes) back. */
public class ReservationOutOfTime extends Refusal {

    ReservationOutOfTime(UUID id, Instant expiresAt, String action) {
        super(HttpStatus.CONFLICT, "reservation-expired",
                "reservation '%s' expired at %s; cannot %s it%s".formatted(id, expiresAt,
                        action, "commit".equals(action)
                                ? " (ask with reacquire=true to take the stock again)" : ""));
        with("reservationId", id);
        with("expiresAt", expiresAt);
    }
}
