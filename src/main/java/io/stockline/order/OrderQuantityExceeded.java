package io.stockline.order;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** A fulfilment, cancellation or return asked for more units than the order has left. */
public class OrderQuantityExceeded extends Refusal {

    OrderQuantityExceeded(String orderId, String step, String sku, String location,
            long requested, long remaining) {
        super(HttpStatus.CONFLICT, "order-quantity-exceeded",
                "order '%s': cannot %s %d of SKU '%s'%s, only %d left to %s".formatted(orderId,
                        step, requested, sku, location == null ? "" : " at '" + location + "'",
                        remaining, step));
        with("orderId", orderId);
        with("step", step);
        with("sku", sku);
        with("location", location);
        with("requested", requested);
        with("remaining", remaining);
    }
}
