package io.stockline.stock;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** A change would take more than the row has free: nothing was changed. */
public class InsufficientStock extends Refusal {

    public InsufficientStock(String sku, String location, long requested, long available,
            long version) {
        super(HttpStatus.CONFLICT, "insufficient-stock",
                "SKU '%s' at '%s': requested %d but only %d available (version %d)"
                        .formatted(sku, location, requested, available, version));
        with("sku", sku);
        with("location", location);
        with("requested", requested);
        with("available", available);
        with("version", version);
    }
}
