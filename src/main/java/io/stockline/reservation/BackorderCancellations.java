package io.stockline.reservation;

import io.stockline.order.BackorderCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Lowers a SKU's backorder count when an order cancels backordered units, in its tx. */
@Component
class BackorderCancellations {

    private final Backorders backorders;

    BackorderCancellations(Backorders backorders) {
        this.backorders = backorders;
    }

    @EventListener
    void on(BackorderCancelled cancelled) {
        backorders.giveBack(cancelled.sku(), cancelled.quantity());
    }
}
