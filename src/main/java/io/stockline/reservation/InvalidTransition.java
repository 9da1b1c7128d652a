package io.stockline.reservation;

import java.util.UUID;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** The reservation is in a state the requested step cannot leave from. */
public class InvalidTransition extends Refusal {

    InvalidTransition(UUID id, ReservationStatus current, String action) {
        super(HttpStatus.CONFLICT, "invalid-transition",
                "reservation '%s' is %s; cannot %s it".formatted(id, current, action));
        with("reservationId", id);
        with("currentStatus", current);
        with("action", action);
    }
}
