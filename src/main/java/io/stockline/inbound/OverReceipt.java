package io.stockline.inbound;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** More units were received than the shipment line has left to come. */
class OverReceipt extends Refusal {

    OverReceipt(String shipment, String sku, long quantity, long received, long requested) {
        super(HttpStatus.CONFLICT, "over-receipt",
                "shipment " + shipment + " expects " + (quantity - received) + " more of " + sku
                        + " (" + received + " of " + quantity + " received), got " + requested);
        with("shipment", shipment);
        with("sku", sku);
        with("quantity", quantity);
        with("received", received);
        with("remaining", quantity - received);
        with("requested", requested);
    }
}
