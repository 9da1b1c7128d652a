package io.stockline.event;

import io.stockline.availability.AvailabilityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes {@code availability.changed} into the outbox in the transaction that changed what a
 * channel can sell, so that front ends learn the new figure, status and message from the
 * event itself and need no second call.
 */
@Component
class AvailabilityEvents {

    private final Outbox outbox;

    AvailabilityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AvailabilityChanged changed) {
        outbox.append(EventTypes.AVAILABILITY_CHANGED, changed.sku(), changed.availability());
    }
}
