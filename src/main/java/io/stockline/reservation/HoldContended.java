package io.stockline.reservation;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** Other writers changed the stock under every plan a hold made; nothing was held. */
class HoldContended extends Refusal {

    HoldContended(String reference, int attempts) {
        super(HttpStatus.CONFLICT, "hold-contended",
                "stock for '%s' changed under all %d attempts to hold it; nothing held, retry"
                        .formatted(reference, attempts));
        with("attempts", attempts);
    }
}
